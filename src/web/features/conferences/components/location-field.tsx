import { Group, Radio, Select, Stack, TextInput } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { roomListQuery } from "../api";

interface LocationValue {
  roomId: string | null;
  locationText: string | null;
}

type Mode = "inherit" | "room" | "text";

/** A form that keeps a location in its `roomId` and `locationText` fields. */
interface LocationForm {
  values: LocationValue;
  errors: { roomId?: string; locationText?: string };
  setValue(key: keyof LocationValue, value: string | null): void;
}

/** LocationField's value, onChange and errors, bound to a form's `roomId` and `locationText`. */
export function locationOf(form: LocationForm) {
  return {
    value: { roomId: form.values.roomId, locationText: form.values.locationText },
    onChange: (v: LocationValue) => {
      form.setValue("roomId", v.roomId);
      form.setValue("locationText", v.locationText);
    },
    errors: { roomId: form.errors.roomId, locationText: form.errors.locationText },
  };
}

/**
 * A location: a room of the directory (Admin ▸ Rooms, "the Room booking module" of the guide), another place as
 * free text, or none of its own, which inherits (block → session → event) or, for an event, means none.
 */
export function LocationField({
  label,
  inheritLabel,
  value,
  onChange,
  errors = {},
}: {
  label: string;
  inheritLabel: string;
  value: LocationValue;
  onChange: (value: LocationValue) => void;
  errors?: { roomId?: string; locationText?: string };
}) {
  const rooms = useQuery(roomListQuery());
  const [mode, setMode] = useState<Mode>(value.roomId ? "room" : value.locationText ? "text" : "inherit");
  const data = (rooms.data?.rooms ?? []).map((r) => ({
    value: r.id,
    label: r.capacity ? `${r.label}, ${r.capacity} seats` : r.label,
  }));

  return (
    <Stack gap="xs">
      <Radio.Group
        label={label}
        value={mode}
        onChange={(v) => {
          const next = v as Mode;
          setMode(next);
          if (next !== "room") onChange({ roomId: null, locationText: next === "text" ? value.locationText : null });
          else onChange({ roomId: value.roomId, locationText: null });
        }}
      >
        <Group gap="md" mt={4} wrap="wrap">
          <Radio value="inherit" label={inheritLabel} />
          <Radio value="room" label="A room" />
          <Radio value="text" label="Another place" />
        </Group>
      </Radio.Group>
      {mode === "room" && (
        <Select
          label="Room"
          placeholder={rooms.isPending ? "Loading rooms…" : data.length === 0 ? "No rooms yet" : "Choose a room"}
          description={data.length === 0 && !rooms.isPending ? "Admins add rooms under Admin ▸ Rooms." : undefined}
          data={data}
          value={value.roomId}
          onChange={(roomId) => onChange({ roomId, locationText: null })}
          error={errors.roomId}
          searchable
          nothingFoundMessage="No room matches"
          comboboxProps={{ withinPortal: true }}
        />
      )}
      {mode === "text" && (
        <TextInput
          label="Place"
          description="An address or a room outside the directory"
          value={value.locationText ?? ""}
          onChange={(e) => onChange({ roomId: null, locationText: e.currentTarget.value })}
          error={errors.locationText}
          maxLength={300}
        />
      )}
    </Stack>
  );
}
