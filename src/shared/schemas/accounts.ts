import { z } from "zod";
import { Email, Id, Instant, Password, PersonName, TimeZone } from "./common";

export const Me = z
  .object({
    id: Id,
    email: z.string(),
    name: z.string().nullable(),
    timeZone: TimeZone.nullable().describe("null: use the browser's zone"),
    isAdmin: z.boolean(),
    isStaff: z.boolean(),
    isPremium: z.boolean(),
    /** What the web app may show; the server decides every request again. */
    abilities: z.object({
      manageUsers: z.boolean(),
      readAudit: z.boolean(),
      readMail: z.boolean(),
      manageSettings: z.boolean(),
      createCommunitySessions: z.boolean().describe("Admin > Sessions and New Session"),
      takePremiumRoles: z
        .boolean()
        .describe("counts as premium for premium-only roles: the premium flag, staff or admin"),
    }),
  })
  .meta({ id: "Me" });
export type Me = z.infer<typeof Me>;

export const MeResponse = z.object({ user: Me.nullable() });

/** A new account's time zone: the browser's, offered on the form and editable (emails show times in it). */
const NewAccountTimeZone = TimeZone.nullable()
  .optional()
  .describe("IANA time zone the emails show times in, e.g. the browser's; none: the session's or event's zone");

export const SignUpInput = z.object({
  name: PersonName,
  email: Email,
  password: Password,
  timeZone: NewAccountTimeZone,
});
export type SignUpInput = z.infer<typeof SignUpInput>;

/** A visitor's sign-up: the account is created when the emailed link is followed. */
export const SignUpRequestInput = SignUpInput.extend({
  next: z
    .string()
    .max(2000, "must be at most 2000 characters")
    .optional()
    .describe("a page of this site to return to after confirming (anything else becomes the home page)"),
});
export type SignUpRequestInput = z.infer<typeof SignUpRequestInput>;

export const SignUpConfirmInput = z.object({
  token: z.string().min(10, "is not a valid link").max(200, "is not a valid link"),
  password: z
    .string()
    .max(200, "must be at most 200 characters")
    .optional()
    .describe("the password chosen at sign-up: needed when the link is opened in another browser"),
});
export type SignUpConfirmInput = z.infer<typeof SignUpConfirmInput>;

export const SignInInput = z.object({
  email: Email,
  password: z.string().min(1, "is required").max(200, "must be at most 200 characters"),
});
export type SignInInput = z.infer<typeof SignInInput>;

export const PasswordResetRequestInput = z.object({ email: Email });
export const PasswordResetConfirmInput = z.object({
  token: z.string().min(10, "is not a valid reset token").max(200, "is not a valid reset token"),
  password: Password,
});

/** The invitation an admin sent to an address without an account (community.md, Participants tab): create it. */
export const InvitationAcceptInput = z.object({
  token: z.string().min(10, "is not a valid invitation link").max(200, "is not a valid invitation link"),
  name: PersonName,
  password: Password,
  timeZone: NewAccountTimeZone,
});
export type InvitationAcceptInput = z.infer<typeof InvitationAcceptInput>;

export const UpdateProfileInput = z
  .object({ name: PersonName.optional(), timeZone: TimeZone.nullable().optional() })
  .refine((v) => Object.keys(v).length > 0, { message: "nothing to change" });

export const ChangeEmailInput = z.object({
  email: Email,
  currentPassword: z.string().min(1, "is required"),
});
export const ChangePasswordInput = z.object({
  currentPassword: z.string().min(1, "is required"),
  newPassword: Password,
});

export const SetupStatus = z.object({ needed: z.boolean() });
export const SetupInput = SignUpInput.extend({ token: z.string().min(10).max(200) });

export const AdminUser = z
  .object({
    id: Id,
    email: z.string(),
    name: z.string().nullable(),
    isAdmin: z.boolean(),
    isStaff: z.boolean(),
    isPremium: z.boolean(),
    active: z.boolean(),
    createdAt: Instant,
  })
  .meta({ id: "AdminUser" });
export type AdminUser = z.infer<typeof AdminUser>;

export const AdminUserList = z.object({ users: z.array(AdminUser), total: z.number().int() });

export const AdminUserQuery = z.object({
  q: z.string().trim().max(200).optional().describe("matches name or email"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const AdminUserUpdate = z
  .object({
    isAdmin: z.boolean().optional(),
    isStaff: z.boolean().optional(),
    isPremium: z.boolean().optional(),
    active: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: "nothing to change" });
export type AdminUserUpdate = z.infer<typeof AdminUserUpdate>;

export const Site = z
  .object({
    siteName: z.string(),
    tagline: z.string(),
    premiumLabel: z.string(),
    allowUserSessionCreation: z.boolean(),
  })
  .meta({ id: "Site" });
