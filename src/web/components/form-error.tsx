import type { ReactNode } from "react";
import { ErrorAlert } from "./error-alert";

/** A message about the whole form or page (not one field), read out by screen readers as it appears. */
export function FormError({ children, title }: { children: ReactNode; title?: string }) {
  return <ErrorAlert title={title}>{children}</ErrorAlert>;
}
