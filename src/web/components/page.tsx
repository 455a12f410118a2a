import { Stack, Title } from "@mantine/core";
import { type ReactNode, useEffect } from "react";

/** Sets the document title, so each page is announced by name; "Site" alone on the home page. */
export function useDocumentTitle(title: string | undefined, siteName = "Convene"): void {
  useEffect(() => {
    document.title = title ? `${title} · ${siteName}` : siteName;
  }, [title, siteName]);
}

/** A page's frame: its one h1 and the browser tab title. */
export function Page({
  title,
  children,
  width = 720,
}: {
  title: string;
  children: ReactNode;
  /** The widest the content grows; tables want more than forms. */
  width?: number | "100%";
}) {
  useDocumentTitle(title);
  return (
    <Stack gap="lg" maw={width} w="100%">
      <Title order={1}>{title}</Title>
      {children}
    </Stack>
  );
}
