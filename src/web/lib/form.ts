import { type ChangeEvent, type FormEvent, useCallback, useEffect, useRef, useState } from "react";
import type { z } from "zod";
import { ApiError } from "./api-client";

type FieldErrors<Values> = Partial<Record<keyof Values & string, string>>;

/** The elements whose typed text is a field's value. */
type TextElement = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** The fields that hold a boolean (a switch or a checkbox). */
type BooleanKey<Values> = {
  [K in keyof Values & string]: Values[K] extends boolean | undefined ? K : never;
}[keyof Values & string];

interface SchemaForm<Values extends Record<string, unknown>, Output> {
  values: Values;
  errors: FieldErrors<Values>;
  /** A message that belongs to no field (wrong password, rate limit, server down). */
  formError: string | null;
  setValue<K extends keyof Values & string>(key: K, value: Values[K]): void;
  setFormError(message: string | null): void;
  /** Checks the values against the shared schema; shows the messages at their fields and returns null if any. */
  validate(): Output | null;
  /** Shows a failed request: a 400/409's `fields` at the fields, anything else as the form's message. */
  showError(err: unknown): void;
  /** The form element's onSubmit: validates (see `validate`) and hands the checked input to `send`. */
  handleSubmit(send: (input: Output) => void): (e: FormEvent) => void;
  /**
   * Props for a Mantine text input, textarea or native select bound to one field: name, value, onChange, error
   * (which sets aria-invalid).
   */
  textField<K extends keyof Values & string>(
    key: K,
  ): { name: K; value: string; onChange(e: ChangeEvent<TextElement>): void; error: string | undefined };
  /** Props for a Mantine switch or checkbox bound to a boolean field: name, checked, onChange. */
  checkField<K extends BooleanKey<Values>>(
    key: K,
  ): { name: K; checked: boolean; onChange(e: ChangeEvent<HTMLInputElement>): void };
  /**
   * Props for an input that hands its value to onChange itself (a Mantine Select, a MinutesField) bound to one
   * field: value, onChange, error.
   */
  valueField<K extends keyof Values & string>(
    key: K,
  ): { value: Values[K]; onChange(value: Values[K]): void; error: string | undefined };
  reset(values?: Values): void;
}

function fieldMessage(label: string | undefined, message: string, value: unknown): string {
  // An empty field breaks "must be a valid email address" too; "is required" says what to do.
  const text = value === "" ? "is required" : message;
  return label ? `${label} ${text}` : text;
}

/**
 * Form state validated by the same zod schema the server uses (style.md 3.2, rule 8): messages read
 * "Email must be a valid email address" at the field, whether they come from the browser or from a 400.
 */
export function useSchemaForm<Values extends Record<string, unknown>, Output>(opts: {
  schema: z.ZodType<Output, Values>;
  initialValues: Values;
  labels: { [K in keyof Values & string]?: string };
}): SchemaForm<Values, Output> {
  const { schema, labels } = opts;
  const [values, setValues] = useState<Values>(opts.initialValues);
  const [errors, setErrors] = useState<FieldErrors<Values>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [errorRound, setErrorRound] = useState(0);
  const valuesRef = useRef(values);
  valuesRef.current = values;

  // After a failed submit, move focus to the first field that needs attention (keyboard and screen readers).
  useEffect(() => {
    if (errorRound === 0) return;
    const first = document.querySelector<HTMLElement>('form [aria-invalid="true"]');
    first?.focus();
  }, [errorRound]);

  const setValue = useCallback(<K extends keyof Values & string>(key: K, value: Values[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => (e[key] === undefined ? e : { ...e, [key]: undefined }));
  }, []);

  const isField = (key: string): key is keyof Values & string => key in valuesRef.current;

  const validate = (): Output | null => {
    const parsed = schema.safeParse(valuesRef.current);
    if (parsed.success) {
      setErrors({});
      setFormError(null);
      return parsed.data;
    }
    const next: Record<string, string> = {};
    let general: string | null = null;
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "");
      if (key && isField(key)) next[key] ??= fieldMessage(labels[key], issue.message, valuesRef.current[key]);
      else general ??= issue.message;
    }
    setErrors(next as FieldErrors<Values>);
    setFormError(general);
    setErrorRound((n) => n + 1);
    return null;
  };

  const showError = (err: unknown) => {
    if (!(err instanceof ApiError)) {
      setFormError("Something went wrong. Please try again.");
      return;
    }
    const next: Record<string, string> = {};
    let unplaced = false;
    for (const [key, message] of Object.entries(err.fields)) {
      if (isField(key)) next[key] = fieldMessage(labels[key], message, valuesRef.current[key]);
      else unplaced = true;
    }
    setErrors(next as FieldErrors<Values>);
    const placedAll = Object.keys(err.fields).length > 0 && !unplaced;
    setFormError(placedAll ? null : err.message);
    setErrorRound((n) => n + 1);
  };

  return {
    values,
    errors,
    formError,
    setValue,
    setFormError,
    validate,
    showError,
    handleSubmit: (send) => (e) => {
      e.preventDefault();
      const input = validate();
      if (input) send(input);
    },
    textField: (key) => ({
      name: key,
      value: String(values[key] ?? ""),
      onChange: (e) => setValue(key, e.currentTarget.value as Values[typeof key]),
      error: errors[key],
    }),
    checkField: (key) => ({
      name: key,
      checked: values[key] === true,
      onChange: (e) => setValue(key, e.currentTarget.checked as Values[typeof key]),
    }),
    valueField: (key) => ({
      value: values[key],
      onChange: (value) => setValue(key, value),
      error: errors[key],
    }),
    reset: (v) => {
      setValues(v ?? opts.initialValues);
      setErrors({});
      setFormError(null);
    },
  };
}
