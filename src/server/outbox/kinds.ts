/**
 * Every kind of outbox message, with the payload it carries. The outbox itself knows no feature: each feature
 * adds its kinds where it defines them, by declaration merging (the way Fastify's decorators are typed):
 *
 *     declare module "../outbox/kinds" {
 *       interface OutboxPayloads { "material.file_delete": { key: string } }
 *     }
 *
 * `enqueue` then accepts only a known kind with its payload, and the worker needs a handler for every kind.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging in the features.
export interface OutboxPayloads {}

export type OutboxKind = keyof OutboxPayloads & string;
