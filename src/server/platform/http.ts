import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyError, FastifyInstance } from "fastify";
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from "fastify-type-provider-zod";
import type { ErrorBody } from "../../shared/schemas/common";
import { AppError } from "./errors";
import { findNul, registerJsonBody } from "./json-body";

function body(code: string, message: string, fields?: Record<string, string>): ErrorBody {
  return { error: fields ? { code, message, fields } : { code, message } };
}

/** zod compilers, the error body of platform.md for every failure, and the OpenAPI document. */
export async function registerHttp(app: FastifyInstance): Promise<void> {
  registerJsonBody(app);
  // No text field may hold a NUL character: refused with the field named, the same on both engines.
  app.addHook("preValidation", async (req) => {
    for (const part of [req.params, req.query, req.body]) {
      const field = findNul(part, "");
      if (field !== null) {
        throw new AppError(
          400,
          "validation_failed",
          `Invalid request: ${field || "body"} must not contain NUL characters`,
          {
            [field || "body"]: "must not contain NUL characters",
          },
        );
      }
    }
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields: Record<string, string> = {};
      for (const v of err.validation) {
        const name = v.instancePath.replace(/^\//, "").replaceAll("/", ".") || (err.validationContext ?? "body");
        fields[name] ??= v.message ?? "is invalid";
      }
      const list = Object.entries(fields)
        .map(([k, m]) => `${k} ${m}`)
        .join("; ");
      return reply
        .status(400)
        .send(body("validation_failed", `Invalid ${err.validationContext ?? "request"}: ${list}`, fields));
    }
    if (err instanceof AppError) {
      if (err.headers) reply.headers(err.headers);
      return reply.status(err.status).send(body(err.code, err.message, err.fields));
    }
    // A unique index refused a write that raced with another (e.g. the same member registering twice at once).
    const dbCode = (err as { code?: string }).code;
    if (dbCode === "23505" || dbCode === "SQLITE_CONSTRAINT_UNIQUE") {
      return reply
        .status(409)
        .send(body("concurrent_change", "This conflicts with a change made at the same moment. Reload and try again."));
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err }, "response did not match its schema");
      return reply.status(500).send(body("internal_error", "Something went wrong on our side."));
    }
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code =
        status === 413
          ? "payload_too_large"
          : status === 415
            ? "unsupported_media_type"
            : status === 429
              ? "rate_limited"
              : "bad_request";
      return reply.status(status).send(body(code, err.message));
    }
    req.log.error({ err }, "unhandled error");
    return reply.status(500).send(body("internal_error", "Something went wrong on our side."));
  });

  await app.register(swagger, {
    openapi: {
      openapi: "3.0.3",
      info: {
        title: "Convene API",
        version: "1",
        description:
          "Every route of Convene. State-changing requests need the `x-csrf-token` header equal to the `convene_csrf` cookie.",
      },
      components: {
        securitySchemes: { session: { type: "apiKey", in: "cookie", name: "convene_session" } },
      },
    },
    transform: jsonSchemaTransform,
    // Fills components.schemas from the schemas registered with an id, which the routes' $refs point at.
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs" });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());
}
