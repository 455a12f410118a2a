import { MantineProvider } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { QueryClientProvider, useQuery } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { ViewerTimeZoneProvider } from "../components/time";
import { meQuery } from "../features/accounts/api";
import { createQueryClient } from "../lib/query-client";
import { cssVariablesResolver, theme } from "./theme";

/** Times follow the zone in the signed-in user's profile, else the browser's (platform.md, Time). */
function ProfileTimeZone({ children }: { children: ReactNode }) {
  const me = useQuery(meQuery());
  return <ViewerTimeZoneProvider profileZone={me.data?.timeZone ?? null}>{children}</ViewerTimeZoneProvider>;
}

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
        <Notifications position="top-center" />
        <ProfileTimeZone>{children}</ProfileTimeZone>
      </MantineProvider>
    </QueryClientProvider>
  );
}
