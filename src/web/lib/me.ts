import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import type { Me, MeResponse } from "../../shared/schemas/accounts";
import { api } from "./api-client";
import { ME_QUERY_KEY } from "./query-client";

/** The signed-in user, or null: one query every feature may read (the app shell keeps it loaded and fresh). */
export const meQuery = () =>
  queryOptions({
    queryKey: ME_QUERY_KEY,
    queryFn: async (): Promise<Me | null> => (await api.get<z.infer<typeof MeResponse>>("/api/v1/auth/me")).user,
    staleTime: 60_000,
  });
