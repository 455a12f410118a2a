import { Select, type SelectProps } from "@mantine/core";
import { useMemo } from "react";
import { listTimeZones } from "../../shared/time";

/**
 * A searchable list of the time zones the browser knows (its value and `include` listed too, when they are real
 * zones it left out).
 */
export function TimeZoneSelect({
  include,
  nothingFoundMessage = "No time zone matches",
  ...props
}: Omit<SelectProps, "data" | "searchable" | "limit"> & { include?: string }) {
  const { value } = props;
  const zones = useMemo(() => listTimeZones([value, include].filter((z) => typeof z === "string")), [value, include]);
  return (
    <Select
      data={zones}
      searchable
      limit={100}
      nothingFoundMessage={nothingFoundMessage}
      comboboxProps={{ withinPortal: true }}
      {...props}
    />
  );
}
