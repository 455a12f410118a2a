import { Pagination } from "@mantine/core";

/** Page numbers under a list of `total` items, `pageSize` a page; nothing when one page holds them all. */
export function Pager({
  total,
  pageSize,
  page,
  onChange,
}: {
  total: number;
  pageSize: number;
  page: number;
  onChange: (page: number) => void;
}) {
  if (total <= pageSize) return null;
  return (
    <Pagination
      total={Math.ceil(total / pageSize)}
      value={page}
      onChange={onChange}
      // Mantine's controls have no names: "next page", "Page 3".
      getControlProps={(control) => ({ "aria-label": `${control} page` })}
      getItemProps={(p) => ({ "aria-label": `Page ${p}` })}
    />
  );
}
