import type { ErrorBody } from "../src/shared/schemas/common";
import { type Agent, PASSWORD, type TestServer } from "./harness";

/** Every link to `pathname` on the server in the plain text of the emails `email` received, oldest first. */
export function linksIn(server: TestServer, email: string, pathname: string): URL[] {
  return server.smtp
    .to(email)
    .flatMap((m) => (m.text ?? "").match(/https?:\/\/\S+/g) ?? [])
    .map((l) => new URL(l))
    .filter((u) => u.pathname === pathname);
}

/** The tokens of the sign-up confirmation links `email` received, oldest first. */
export function confirmationTokens(server: TestServer, email: string): string[] {
  return linksIn(server, email, "/confirm-email").map((u) => u.searchParams.get("token") ?? "");
}

/**
 * Signs up through the API as a visitor would: asks for the account, reads the emailed link, follows it in the
 * same browser. Returns the agent, now signed in.
 */
export async function signUpByEmail(
  server: TestServer,
  input: { name: string; email: string; password?: string },
  agent: Agent = server.agent(),
): Promise<Agent> {
  const asked = await agent.post<ErrorBody>("/api/v1/auth/sign-up", { password: PASSWORD, ...input });
  if (asked.status !== 202) throw new Error(`sign-up answered ${asked.status}: ${JSON.stringify(asked.body)}`);
  await server.deliver();
  const token = confirmationTokens(server, input.email).at(-1);
  if (!token) throw new Error(`no confirmation link reached ${input.email}`);
  const confirmed = await agent.post<ErrorBody>("/api/v1/auth/sign-up/confirm", { token });
  if (confirmed.status !== 200)
    throw new Error(`confirm answered ${confirmed.status}: ${JSON.stringify(confirmed.body)}`);
  return agent;
}
