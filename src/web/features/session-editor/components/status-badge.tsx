import { Badge } from "@mantine/core";
import type { ShownStatus } from "../../../../shared/schemas/community-sessions";
import { STATUS_COLOR, STATUS_LABEL } from "../labels";

/** A session's status as members would read it (Draft, Open, Full, Closed, Cancelled, In Progress, Completed). */
export function StatusBadge({ status }: { status: ShownStatus }) {
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" data-testid="session-status">
      {STATUS_LABEL[status]}
    </Badge>
  );
}
