import { Button, Center, Loader } from "@mantine/core";
import type { ReactNode } from "react";
import { ErrorAlert } from "./error-alert";

/** What QueryStatus needs from a useQuery or useInfiniteQuery result. */
interface QueryLike<T> {
  isPending: boolean;
  isError: boolean;
  error: Error | null;
  data: T | undefined;
  refetch: () => unknown;
}

/** Loading and failure of one query, shown the same way everywhere; renders `children(data)` once loaded. */
export function QueryStatus<T>({
  query,
  children,
  label = "Loading",
}: {
  query: QueryLike<T>;
  children: (data: T) => ReactNode;
  label?: string;
}) {
  if (query.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={label} role="status" />
      </Center>
    );
  }
  if (query.isError) {
    return (
      <ErrorAlert title="Could not load this">
        {query.error?.message}{" "}
        <Button variant="subtle" size="compact-sm" onClick={() => void query.refetch()}>
          Try again
        </Button>
      </ErrorAlert>
    );
  }
  return <>{children(query.data as T)}</>;
}
