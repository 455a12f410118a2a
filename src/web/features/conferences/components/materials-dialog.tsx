import {
  ActionIcon,
  Anchor,
  Button,
  FileInput,
  Group,
  Modal,
  Paper,
  Progress,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type CSSProperties, type FormEvent, useState } from "react";
import { LinkMaterialInput, type Material } from "../../../../shared/schemas/conference-sessions";
import { ErrorAlert } from "../../../components/error-alert";
import { FormError } from "../../../components/form-error";
import { notify } from "../../../components/notify";
import { QueryStatus } from "../../../components/query-status";
import { Time } from "../../../components/time";
import { api, isApiError } from "../../../lib/api-client";
import { useSchemaForm } from "../../../lib/form";
import { conferenceKeys, materialsQuery, materialUploadPath, useAddLinkMaterial, useDeleteMaterial } from "../api";
import { BinIcon } from "./icons";

/** "1.2 MB", "830 KB", "12 bytes". */
function formatBytes(bytes: number | null): string {
  if (bytes === null) return "—";
  if (bytes < 1000) return `${bytes} bytes`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} KB`;
  return `${(bytes / 1_000_000).toFixed(1).replace(/\.0$/, "")} MB`;
}

/** What a material is, for people: "PDF", "Link", or the type's subtype. */
function materialKind(m: Pick<Material, "kind" | "contentType" | "name">): string {
  if (m.kind === "link") return "Link";
  const ext = /\.([a-z0-9]+)$/i.exec(m.name)?.[1];
  return ext ? ext.toUpperCase() : (m.contentType ?? "File");
}

function Upload({ eventId, sessionId }: { eventId: string; sessionId: string }) {
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) {
      setError("Choose a file to upload.");
      return;
    }
    setError(null);
    setProgress(0);
    const form = new FormData();
    form.append("file", file);
    try {
      const saved = await api.upload<Material>(materialUploadPath(eventId, sessionId), form, setProgress);
      notify(`“${saved.name}” was uploaded.`);
      setFile(null);
      await qc.invalidateQueries({ queryKey: conferenceKeys.event(eventId) });
    } catch (err) {
      // 413 (too large) and 415 (type) come with the server's own message, which says what is accepted.
      setError(isApiError(err) ? err.message : "The upload failed. Please try again.");
    } finally {
      setProgress(null);
    }
  };

  const busy = progress !== null;
  return (
    <form onSubmit={submit} noValidate aria-label="Upload a file">
      <Stack gap="xs">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <FileInput
            label="File"
            description="Documents, slides, images or archives"
            placeholder="Choose a file"
            value={file}
            onChange={(f) => {
              setFile(f);
              setError(null);
            }}
            error={error}
            clearable
            clearButtonProps={{ "aria-label": "Clear the chosen file" }}
            miw={260}
            style={{ flex: 1 }}
            // "Choose a file" is text, not a real placeholder: it needs the contrast of text (axe).
            styles={{ wrapper: { "--input-placeholder-color": "var(--mantine-color-dimmed)" } as CSSProperties }}
            disabled={busy}
          />
          <Button type="submit" loading={busy}>
            Upload
          </Button>
        </Group>
        {busy && (
          <Progress
            value={Math.round((progress ?? 0) * 100)}
            aria-label={`Uploading ${file?.name ?? "the file"}`}
            animated
          />
        )}
      </Stack>
    </form>
  );
}

function AddLink({ eventId, sessionId }: { eventId: string; sessionId: string }) {
  const add = useAddLinkMaterial(eventId, sessionId);
  const form = useSchemaForm({
    schema: LinkMaterialInput,
    initialValues: { name: "", url: "" },
    labels: { name: "Name", url: "Address" },
  });
  const submit = form.handleSubmit((input) => {
    add.mutate(input, {
      onSuccess: (m) => {
        notify(`The link “${m.name}” was added.`);
        form.reset();
      },
      onError: form.showError,
    });
  });
  return (
    <form onSubmit={submit} noValidate aria-label="Add a link">
      <Stack gap="xs">
        <FormError>{form.formError}</FormError>
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput
            label="Name"
            description="Optional: the address by default"
            {...form.textField("name")}
            miw={180}
          />
          <TextInput
            label="Address"
            type="url"
            placeholder="https://"
            required
            {...form.textField("url")}
            miw={260}
            style={{ flex: 1 }}
          />
        </Group>
        <Group>
          <Button type="submit" variant="default" loading={add.isPending}>
            Add link
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The session's materials as a table: name (a link), type, size, who added it and when, delete. */
export function MaterialsTable({
  eventId,
  materials,
  canDelete,
}: {
  eventId: string;
  materials: Material[];
  canDelete: boolean;
}) {
  const remove = useDeleteMaterial(eventId);
  const [failure, setFailure] = useState<string | null>(null);
  if (materials.length === 0) return <Text size="sm">No material yet.</Text>;
  return (
    <Stack gap="xs">
      <ErrorAlert>{failure}</ErrorAlert>
      <Table.ScrollContainer minWidth={520}>
        <Table verticalSpacing="xs" aria-label="Materials">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Name</Table.Th>
              <Table.Th scope="col">Type</Table.Th>
              <Table.Th scope="col">Size</Table.Th>
              <Table.Th scope="col">Added by</Table.Th>
              {canDelete && <Table.Th scope="col">Delete</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {materials.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Th scope="row" fw="normal">
                  {/* A long name wraps (three lines at most, the whole name as its tooltip): never wider than the table. */}
                  <Anchor
                    href={m.url}
                    target="_blank"
                    rel="noopener noreferrer"
                    lineClamp={3}
                    title={m.name}
                    style={{ overflowWrap: "anywhere" }}
                  >
                    {m.name}
                  </Anchor>
                </Table.Th>
                <Table.Td>{materialKind(m)}</Table.Td>
                <Table.Td>{formatBytes(m.sizeBytes)}</Table.Td>
                <Table.Td>
                  <Text size="sm" miw="8rem" style={{ overflowWrap: "anywhere" }}>
                    {m.uploadedBy ?? "—"}
                  </Text>
                  <Text size="xs" c="dimmed">
                    <Time at={m.createdAt} />
                  </Text>
                </Table.Td>
                {canDelete && (
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Delete ${m.name}`}
                      loading={remove.isPending && remove.variables === m.id}
                      onClick={() => {
                        setFailure(null);
                        remove.mutate(m.id, {
                          onSuccess: () => notify(`“${m.name}” was deleted.`),
                          onError: (err) => setFailure(err.message),
                        });
                      }}
                    >
                      <BinIcon />
                    </ActionIcon>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/**
 * The Material column's dialog (the seed's "Managing a session"): upload files and add links to the whole
 * session, not to one block. They show in every block of the session in the timetable and on the session page
 * under Presentation materials.
 */
export function MaterialsDialog({
  eventId,
  session,
  onClose,
}: {
  eventId: string;
  session: { id: string; title: string } | null;
  onClose: () => void;
}) {
  const materials = useQuery({ ...materialsQuery(eventId, session?.id ?? ""), enabled: session !== null });
  return (
    <Modal
      opened={session !== null}
      onClose={onClose}
      title={session ? `Material of “${session.title}”` : "Material"}
      size="xl"
    >
      {session && (
        <Stack gap="lg">
          <Text size="sm">
            Material belongs to the whole session, not to one block: it is shown in every block of the session in the
            timetable, and on the session page under Presentation materials.
          </Text>
          <QueryStatus query={materials} label="Loading material">
            {(data) => <MaterialsTable eventId={eventId} materials={data.materials} canDelete />}
          </QueryStatus>
          <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="upload-heading">
            <Stack gap="sm">
              <Title order={3} size="h5" id="upload-heading">
                Upload a file
              </Title>
              <Upload eventId={eventId} sessionId={session.id} />
            </Stack>
          </Paper>
          <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="link-heading">
            <Stack gap="sm">
              <Title order={3} size="h5" id="link-heading">
                Add a link
              </Title>
              <AddLink eventId={eventId} sessionId={session.id} />
            </Stack>
          </Paper>
        </Stack>
      )}
    </Modal>
  );
}
