import { Alert } from "@mantine/core";
import type { ReactNode } from "react";

/** A message about the whole form or page (not one field), read out by screen readers as it appears. */
export function FormError({ children, title }: { children: ReactNode; title?: string }) {
  if (!children) return null;
  return (
    <Alert color="red" variant="light" role="alert" title={title}>
      {children}
    </Alert>
  );
}
