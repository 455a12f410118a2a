import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import type { z } from "zod";
import {
  type CommunitySession,
  ReminderMinutes,
  SESSION_DEFAULTS,
  SessionFields,
} from "../../../../shared/schemas/community-sessions";
import { ApiError, isApiError } from "../../../lib/api-client";
import { sessionQuery } from "../api";
import { createSession, updateSession, useSessionSaved } from "./api";
import { FIELD_LABEL, FIELD_ORDER, type FieldKey, fieldMessage, fieldOf } from "./fields";

/** Each field's rule: the shared schema's, and the session's own reminder times (null: the site's). */
const FIELD_SCHEMA = { ...SessionFields.shape, reminderMinutes: ReminderMinutes.nullable() };

/** The Details tab's fields as the server stores them (after trimming, "" → null and so on). */
type SavedFields = { [K in FieldKey]: z.output<(typeof FIELD_SCHEMA)[K]> };

/** The fields as the form holds them: the text the user typed, the switch, and the reminder times. */
type DetailValues = {
  [K in FieldKey]: K extends "hasInterviewer" ? boolean : K extends "reminderMinutes" ? number[] | null : string;
};

/** Two saved values are the same: equal, or lists of the same times in the same order. */
function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

type FieldErrors = Partial<Record<FieldKey, string>>;

export type SaveState =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; at: string }
  | { kind: "failed"; message: string };

/** Autosave waits this long after the last change (community.md, Session editor). */
const AUTOSAVE_DELAY_MS = 1500;
/** "Saving..." stays at least this long, so that it can be read even when the server answers at once. */
const MIN_SAVING_MS = 600;

const NUMBER_FIELDS: ReadonlySet<FieldKey> = new Set([
  "durationMinutes",
  "maxPresenters",
  "maxGuests",
  "talkMinutes",
  "qaMinutes",
]);

function savedFieldsOf(s: SavedFields | CommunitySession): SavedFields {
  return {
    title: s.title,
    description: s.description,
    startsLocal: s.startsLocal,
    timeZone: s.timeZone,
    durationMinutes: s.durationMinutes,
    meetingUrl: s.meetingUrl,
    meetingPassword: s.meetingPassword,
    maxPresenters: s.maxPresenters,
    maxGuests: s.maxGuests,
    talkMinutes: s.talkMinutes,
    qaMinutes: s.qaMinutes,
    hasInterviewer: s.hasInterviewer,
    reminderMinutes: s.reminderMinutes,
  };
}

/** What a new session's form starts from: the seed's defaults, the same the server applies. */
const NEW_SESSION_FIELDS: SavedFields = { ...SESSION_DEFAULTS, title: "", reminderMinutes: null };

function toValues(f: SavedFields): DetailValues {
  return {
    title: f.title,
    description: f.description,
    startsLocal: f.startsLocal ?? "",
    timeZone: f.timeZone,
    durationMinutes: String(f.durationMinutes),
    meetingUrl: f.meetingUrl ?? "",
    meetingPassword: f.meetingPassword ?? "",
    maxPresenters: String(f.maxPresenters),
    maxGuests: String(f.maxGuests),
    talkMinutes: String(f.talkMinutes),
    qaMinutes: String(f.qaMinutes),
    hasInterviewer: f.hasInterviewer,
    reminderMinutes: f.reminderMinutes,
  };
}

type Parsed<K extends FieldKey> = { ok: true; value: SavedFields[K] } | { ok: false; message: string };

/** One field through the shared schema, so the browser says exactly what the server would. */
function parseField<K extends FieldKey>(key: K, raw: DetailValues[K]): Parsed<K> {
  let input: unknown = raw;
  if (NUMBER_FIELDS.has(key)) {
    const text = String(raw).trim();
    const n = Number(text);
    input = text === "" ? undefined : Number.isNaN(n) ? text : n;
  } else if (key === "startsLocal") {
    input = raw === "" ? null : raw;
  }
  const result = FIELD_SCHEMA[key].safeParse(input);
  if (result.success) return { ok: true, value: result.data as SavedFields[K] };
  return { ok: false, message: result.error.issues[0]?.message ?? "is not valid" };
}

/**
 * The Details tab's autosave (community.md, Session editor; microtalks.md §3.9): 1.5 s after the last change,
 * sends only the changed fields with the version they were edited from. Invalid values stay in their field
 * with the rule they break and are not sent; a value the server refuses stays too, and the other changes are
 * saved without it. A stale version stops autosave until the user reloads: nothing is overwritten.
 *
 * With `session` null the form is a new session's: the first save (once the Title is filled) creates it in
 * Draft, `onCreated` is told, and autosave goes on against the new session.
 */
export function useSessionAutosave(session: CommunitySession | null, onCreated: (s: CommunitySession) => void) {
  const qc = useQueryClient();
  const saved = useSessionSaved();
  const [values, setValues] = useState<DetailValues>(() => toValues(session ?? NEW_SESSION_FIELDS));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saveState, setSaveState] = useState<SaveState>({ kind: "idle" });
  const [conflict, setConflict] = useState(false);

  const valuesRef = useRef(values);
  const baseRef = useRef<{ id: string; fields: SavedFields; version: number } | null>(
    session ? { id: session.id, fields: savedFieldsOf(session), version: session.version } : null,
  );
  /** Raw values the server refused, per field: not sent again until they change. */
  const refusedRef = useRef<Partial<Record<FieldKey, unknown>>>({});
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlightRef = useRef(false);
  const rerunRef = useRef(false);
  const currentRef = useRef<Promise<void>>(Promise.resolve());
  const conflictRef = useRef(false);
  const onCreatedRef = useRef(onCreated);
  onCreatedRef.current = onCreated;
  const savedRef = useRef(saved);
  savedRef.current = saved;
  const runRef = useRef<() => Promise<void>>(() => Promise.resolve());
  const seqRef = useRef(0);

  /** A state shown at once, replacing a delayed "Auto-saved" still waiting for its turn. */
  const announce = useCallback((state: SaveState) => {
    seqRef.current++;
    setSaveState(state);
  }, []);

  const showErrors = useCallback((next: FieldErrors) => {
    setErrors((e) => ({ ...e, ...next }));
  }, []);

  const save = useCallback(async (): Promise<void> => {
    if (conflictRef.current) return;
    const current = valuesRef.current;
    const base = baseRef.current;
    const changes: Partial<SavedFields> = {};
    const sentRaw: Partial<Record<FieldKey, unknown>> = {};
    const problems: FieldErrors = {};
    for (const key of FIELD_ORDER) {
      const raw = current[key];
      if (key in refusedRef.current && refusedRef.current[key] === raw) continue;
      const parsed = parseField(key, raw);
      if (!parsed.ok) {
        problems[key] = fieldMessage(FIELD_LABEL[key], parsed.message);
        continue;
      }
      if (base === null || !same(parsed.value, base.fields[key])) {
        (changes as Record<string, unknown>)[key] = parsed.value;
        sentRaw[key] = raw;
      }
    }
    showErrors(problems);
    const hasProblems = Object.keys(problems).length > 0;
    const creating = base === null;
    if ((creating && changes.title === undefined) || (!creating && Object.keys(changes).length === 0)) {
      if (hasProblems) announce({ kind: "failed", message: "Not saved: check the field marked in red." });
      return;
    }

    inFlightRef.current = true;
    const seq = ++seqRef.current;
    const startedAt = Date.now();
    setSaveState({ kind: "saving" });
    try {
      let result: CommunitySession;
      if (base === null) {
        // Creating takes no reminder times: own times chosen already are saved right after.
        const { reminderMinutes, ...created } = changes;
        result = await createSession({ ...created, title: changes.title ?? "" });
        if (reminderMinutes != null) rerunRef.current = true;
      } else {
        result = await updateSession(base.id, { ...changes, version: base.version });
      }
      baseRef.current = { id: result.id, fields: savedFieldsOf(result), version: result.version };
      for (const key of Object.keys(sentRaw)) delete refusedRef.current[key as FieldKey];
      savedRef.current(result);
      setFormError(null);
      const done: SaveState = hasProblems
        ? { kind: "failed", message: "Some changes were saved; the field marked in red was not." }
        : { kind: "saved", at: new Date().toISOString() };
      const wait = startedAt + MIN_SAVING_MS - Date.now();
      if (wait <= 0) setSaveState(done);
      else setTimeout(() => seqRef.current === seq && setSaveState(done), wait);
      if (creating) onCreatedRef.current(result);
    } catch (err) {
      if (isApiError(err, 409, "version_conflict")) {
        conflictRef.current = true;
        setConflict(true);
        announce({ kind: "failed", message: "Not saved: someone else saved this session meanwhile." });
        return;
      }
      const placed: FieldErrors = {};
      if (err instanceof ApiError) {
        for (const [key, message] of Object.entries(err.fields)) {
          const field = fieldOf(key);
          if (field === null) continue;
          placed[field] ??= fieldMessage(FIELD_LABEL[field], message);
          refusedRef.current[field] = field in sentRaw ? sentRaw[field] : current[field];
        }
      }
      const placedCount = Object.keys(placed).length;
      showErrors(placed);
      const unplaced = err instanceof ApiError && Object.keys(err.fields).length > placedCount;
      setFormError(placedCount === 0 || unplaced ? (err as Error).message : null);
      announce({
        kind: "failed",
        message: placedCount > 0 ? "Not saved: check the field marked in red." : "Not saved.",
      });
      // The other changes of this batch were not refused themselves: save them without the refused ones.
      if (placedCount > 0 && Object.keys(sentRaw).some((k) => !(k in placed))) rerunRef.current = true;
    } finally {
      inFlightRef.current = false;
      if (rerunRef.current) {
        rerunRef.current = false;
        await runRef.current();
      }
    }
  }, [showErrors, announce]);

  const run = useCallback((): Promise<void> => {
    if (inFlightRef.current) {
      rerunRef.current = true;
      return currentRef.current;
    }
    const p = save();
    currentRef.current = p;
    return p;
  }, [save]);
  runRef.current = run;

  const schedule = useCallback(() => {
    if (timerRef.current) clearTimeout(timerRef.current);
    timerRef.current = setTimeout(() => {
      timerRef.current = null;
      void run();
    }, AUTOSAVE_DELAY_MS);
  }, [run]);

  const setValue = useCallback(
    <K extends FieldKey>(key: K, value: DetailValues[K]) => {
      valuesRef.current = { ...valuesRef.current, [key]: value };
      setValues(valuesRef.current);
      setErrors((e) => (e[key] === undefined ? e : { ...e, [key]: undefined }));
      schedule();
    },
    [schedule],
  );

  /** Saves now what waits for the timer (before a status change, or leaving the page). */
  const flush = useCallback((): Promise<void> => {
    if (timerRef.current) {
      clearTimeout(timerRef.current);
      timerRef.current = null;
    }
    return run();
  }, [run]);

  /** After a conflict: take the server's values, drop the unsaved edits, and autosave again. */
  const reload = useCallback(async () => {
    const base = baseRef.current;
    if (!base) return;
    const fresh = await qc.fetchQuery({ ...sessionQuery(base.id), staleTime: 0 });
    if (timerRef.current) clearTimeout(timerRef.current);
    timerRef.current = null;
    baseRef.current = { id: fresh.id, fields: savedFieldsOf(fresh), version: fresh.version };
    refusedRef.current = {};
    valuesRef.current = toValues(savedFieldsOf(fresh));
    setValues(valuesRef.current);
    setErrors({});
    setFormError(null);
    announce({ kind: "idle" });
    conflictRef.current = false;
    setConflict(false);
  }, [qc, announce]);

  // A newer version from elsewhere (another tab, a refetch): take it when it changes no detail, or when this
  // form has nothing unsaved; otherwise keep editing from the old version, and the next save is told.
  useEffect(() => {
    const base = baseRef.current;
    if (!session || !base || session.id !== base.id || session.version <= base.version || inFlightRef.current) return;
    const incoming = savedFieldsOf(session);
    const sameDetails = FIELD_ORDER.every((k) => same(incoming[k], base.fields[k]));
    if (sameDetails) {
      baseRef.current = { ...base, version: session.version };
      return;
    }
    const clean = FIELD_ORDER.every((k) => {
      const parsed = parseField(k, valuesRef.current[k]);
      return parsed.ok && same(parsed.value, base.fields[k]);
    });
    if (!clean || timerRef.current) return;
    baseRef.current = { id: session.id, fields: incoming, version: session.version };
    valuesRef.current = toValues(incoming);
    setValues(valuesRef.current);
  }, [session]);

  // Leaving the editor saves what is waiting; closing the tab while something is unsaved asks first.
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (timerRef.current || inFlightRef.current) e.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => {
      window.removeEventListener("beforeunload", warn);
      if (timerRef.current) {
        clearTimeout(timerRef.current);
        timerRef.current = null;
        void run();
      }
    };
  }, [run]);

  /** A refusal from elsewhere (a status change) that names fields of this form: shown at them. */
  const showFieldErrors = useCallback(
    (err: unknown) => {
      if (!(err instanceof ApiError)) return;
      const placed: FieldErrors = {};
      for (const [key, message] of Object.entries(err.fields)) {
        const field = fieldOf(key);
        if (field !== null) placed[field] ??= fieldMessage(FIELD_LABEL[field], message);
      }
      showErrors(placed);
    },
    [showErrors],
  );

  return { values, errors, formError, saveState, conflict, setValue, flush, reload, showFieldErrors };
}
