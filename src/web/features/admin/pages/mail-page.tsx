import { Alert, Badge, Button, Code, Group, Modal, SegmentedControl, Stack, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorAlert } from "../../../components/error-alert";
import { Page } from "../../../components/page";
import { Pager } from "../../../components/pager";
import { QueryStatus } from "../../../components/query-status";
import { Time } from "../../../components/time";
import {
  OUTBOX_PAGE_SIZE,
  type OutboxItemValue,
  type OutboxStatusValue,
  outboxItemQuery,
  outboxListQuery,
  useRetryDelivery,
} from "../api";

const STATUS_COLOR: Record<OutboxStatusValue, string> = { pending: "yellow", sent: "green", failed: "red" };
const STATUS_LABEL: Record<OutboxStatusValue, string> = { pending: "Pending", sent: "Sent", failed: "Failed" };

function StatusBadge({ status }: { status: OutboxStatusValue }) {
  return (
    <Badge color={STATUS_COLOR[status]} variant="light">
      {STATUS_LABEL[status]}
    </Badge>
  );
}

function MessageDetail({ id }: { id: string }) {
  const item = useQuery(outboxItemQuery(id));
  return (
    <QueryStatus query={item} label="Loading the message">
      {(detail) => (
        <Stack gap="sm">
          <Group gap="xs">
            <StatusBadge status={detail.status} />
            <Text size="sm">
              {detail.attempts} {detail.attempts === 1 ? "attempt" : "attempts"}
            </Text>
          </Group>
          {detail.email ? (
            <>
              <dl className="convene-facts">
                <dt>To</dt>
                <dd>{detail.email.to}</dd>
                <dt>Subject</dt>
                <dd>{detail.email.subject}</dd>
                <dt>Queued</dt>
                <dd>
                  <Time at={detail.createdAt} />
                </dd>
                {detail.sentAt && (
                  <>
                    <dt>Sent</dt>
                    <dd>
                      <Time at={detail.sentAt} />
                    </dd>
                  </>
                )}
                <dt>Message-ID</dt>
                <dd>
                  <Code>{detail.email.messageId}</Code>
                </dd>
              </dl>
              {detail.lastError && (
                <Alert color="red" variant="light" title="Last error">
                  {detail.lastError}
                </Alert>
              )}
              <Code block tabIndex={0} aria-label="Text of the email" style={{ whiteSpace: "pre-wrap" }}>
                {detail.email.text}
              </Code>
              <Text size="sm" c="dimmed">
                Links that set a password or create an account show their token as •••••: only the recipient may use
                them.
              </Text>
            </>
          ) : (
            <Text>This entry is not an email ({detail.kind}).</Text>
          )}
        </Stack>
      )}
    </QueryStatus>
  );
}

/** Admin > Mail: what the outbox sent, what it is retrying and what failed (platform.md, Outbox). */
export function MailPage() {
  const [status, setStatus] = useState<OutboxStatusValue | null>(null);
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<OutboxItemValue | null>(null);
  const list = useQuery(outboxListQuery(status, page));
  const retry = useRetryDelivery();
  const [failure, setFailure] = useState<string | null>(null);

  return (
    <Page title="Mail" width="100%">
      <Stack gap={4}>
        <Text component="span" id="status-filter-label" fw={500} size="sm">
          Show
        </Text>
        <SegmentedControl
          aria-labelledby="status-filter-label"
          value={status ?? "all"}
          onChange={(v) => {
            setStatus(v === "all" ? null : (v as OutboxStatusValue));
            setPage(1);
          }}
          data={[
            { value: "all", label: "All" },
            { value: "pending", label: "Pending" },
            { value: "sent", label: "Sent" },
            { value: "failed", label: "Failed" },
          ]}
          maw={420}
        />
      </Stack>
      <ErrorAlert onClose={() => setFailure(null)}>{failure}</ErrorAlert>
      <QueryStatus query={list} label="Loading mail">
        {(data) => (
          <>
            {data.mailMode === "files" && (
              <Alert color="yellow" variant="light" title="Mail is written to files, not sent">
                No SMTP_URL is set, so each message is written as an .eml file under DATA_DIR/mail instead of being
                sent. Nothing is lost: set SMTP_URL to deliver mail.
              </Alert>
            )}
            <Text role="status" aria-live="polite">
              {data.total === 0
                ? "Nothing here."
                : `${data.total} ${data.total === 1 ? "message" : "messages"}${status ? ` ${STATUS_LABEL[status].toLowerCase()}` : ""}.`}
            </Text>
            {data.items.length > 0 && (
              <Table.ScrollContainer minWidth={760}>
                <Table striped verticalSpacing="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Queued</Table.Th>
                      <Table.Th scope="col">Message</Table.Th>
                      <Table.Th scope="col">Status</Table.Th>
                      <Table.Th scope="col">Attempts</Table.Th>
                      <Table.Th scope="col">Actions</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((item) => (
                      <Table.Tr key={item.id}>
                        <Table.Td>
                          <Time at={item.createdAt} />
                        </Table.Td>
                        <Table.Td>
                          <Text inherit>{item.summary}</Text>
                          {item.lastError && (
                            <Text size="sm" c="red.9">
                              {item.lastError}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <StatusBadge status={item.status} />
                        </Table.Td>
                        <Table.Td>{item.attempts}</Table.Td>
                        <Table.Td>
                          <Group gap="xs" wrap="nowrap">
                            <Button
                              size="compact-sm"
                              variant="default"
                              onClick={() => setOpen(item)}
                              aria-label={`View ${item.summary}`}
                            >
                              View
                            </Button>
                            {item.status === "failed" && (
                              <Button
                                size="compact-sm"
                                loading={retry.isPending && retry.variables === item.id}
                                aria-label={`Retry ${item.summary}`}
                                onClick={() => {
                                  setFailure(null);
                                  retry.mutate(item.id, {
                                    onError: (err) => setFailure(`Could not retry: ${err.message}`),
                                  });
                                }}
                              >
                                Retry
                              </Button>
                            )}
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            <Pager total={data.total} pageSize={OUTBOX_PAGE_SIZE} page={page} onChange={setPage} />
          </>
        )}
      </QueryStatus>
      <Modal opened={open !== null} onClose={() => setOpen(null)} title={open?.summary ?? "Message"} size="xl">
        {open && <MessageDetail id={open.id} />}
      </Modal>
    </Page>
  );
}
