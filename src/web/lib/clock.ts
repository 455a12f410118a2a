import { type HourCycle, runtimeHourCycle } from "../../shared/time";

/**
 * The clock the viewer reads, from the browser's language: "17:05" or "05:05 PM". Every time the web app shows
 * (the Time component, the timetable editor's grid) and every time field it offers uses it, so a dialog never
 * reads differently from the grid beside it. Outside a browser (unit tests) the 24-hour clock.
 */
export const USER_HOUR_CYCLE: HourCycle = typeof window === "undefined" ? "h23" : runtimeHourCycle();
