/** Google Calendar's date form: UTC, no separators ("20260310T173000Z"). */
export function googleDate(instant: string): string {
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) throw new RangeError(`Not a valid instant: ${instant}`);
  return d
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/[-:]/g, "");
}

/**
 * An "Add to Google Calendar" link: title, start and end in UTC, the session's zone, and the session page as
 * the details. Never the meeting URL or password: the event may be shared, the session page checks who asks
 * (community.md, Google Calendar sync).
 */
export function googleCalendarUrl(s: {
  title: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  pageUrl: string;
}): string {
  const params = new URLSearchParams({
    action: "TEMPLATE",
    text: s.title,
    dates: `${googleDate(s.startsAt)}/${googleDate(s.endsAt)}`,
    details: s.pageUrl,
    ctz: s.timeZone,
  });
  return `https://calendar.google.com/calendar/render?${params.toString()}`;
}
