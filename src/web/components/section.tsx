import { Paper, Stack, Title } from "@mantine/core";
import { type ReactNode, type Ref, useId } from "react";

/**
 * A titled part of a page: a bordered region named by its level-2 heading, so screen readers list it among the
 * page's landmarks. `headingRef` lets a page move the focus to it (the heading takes focus, not the tab order).
 */
export function Section({
  title,
  children,
  gap = "md",
  headingRef,
}: {
  title: string;
  children: ReactNode;
  gap?: "sm" | "md";
  headingRef?: Ref<HTMLHeadingElement>;
}) {
  const id = useId();
  return (
    <Paper component="section" aria-labelledby={id} withBorder p="md" radius="md">
      <Stack gap={gap}>
        <Title order={2} size="h3" id={id} ref={headingRef} tabIndex={headingRef ? -1 : undefined}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}
