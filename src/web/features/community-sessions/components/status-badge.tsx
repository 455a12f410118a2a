import { Badge } from "@mantine/core";
import type { CSSProperties } from "react";
import type { ShownStatus } from "../../../../shared/schemas/community-sessions";
import { STATUS_COLOR, STATUS_LABEL } from "../labels";

/** The status members see (Open, Full, Closed, In Progress, Completed, Cancelled), as a badge. */
export function StatusBadge({
  status,
  size = "md",
  style,
}: {
  status: ShownStatus;
  size?: "sm" | "md" | "lg";
  style?: CSSProperties;
}) {
  return (
    // Never narrower than its word: a table column squeezed by its neighbours cut "Completed" to "COM…" (issue 13, 9).
    <Badge
      color={STATUS_COLOR[status]}
      variant="light"
      size={size}
      style={{ minWidth: "max-content", ...style }}
      data-testid="session-status"
    >
      {STATUS_LABEL[status]}
    </Badge>
  );
}
