// Sign-in, password and user forms.
import { z } from "zod";
import { requiredText, RecordVersion } from "./form-fields";
import "./zod-polish";

export const SignInSchema = z.object({
  email: z.string({ error: "Podaj adres e-mail." }).trim().min(1, "Podaj adres e-mail.").max(200),
  password: z.string({ error: "Podaj hasło." }).min(1, "Podaj hasło.").max(500),
  redirectTo: z.string().optional(),
});

export const PASSWORD_MIN = 12;
const NewPassword = z
  .string({ error: `Hasło musi mieć co najmniej ${PASSWORD_MIN} znaków.` })
  .min(PASSWORD_MIN, `Hasło musi mieć co najmniej ${PASSWORD_MIN} znaków.`)
  .max(500, "Hasło jest za długie.");

export const ChangePasswordSchema = z
  .object({
    currentPassword: z.string({ error: "Podaj obecne hasło." }).min(1, "Podaj obecne hasło."),
    newPassword: NewPassword,
    confirmPassword: z.string({ error: "Powtórz nowe hasło." }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "Hasła nie są takie same." })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: "Nowe hasło musi różnić się od obecnego." });

export const NewUserSchema = z.object({
  email: z.email("Podaj poprawny adres e-mail.").max(200, "Najwyżej 200 znaków."),
  name: requiredText({ max: 200 }, "Podaj imię i nazwisko."),
  password: NewPassword,
  roleKeys: z.array(z.string(), { error: "Wybierz co najmniej jedną rolę." }).min(1, "Wybierz co najmniej jedną rolę."),
});

export const EditUserSchema = z.object({
  name: requiredText({ max: 200 }, "Podaj imię i nazwisko."),
  active: z
    .boolean()
    .optional()
    .transform((v) => v ?? false),
  roleKeys: z
    .array(z.string())
    .optional()
    .transform((v) => v ?? []),
  newPassword: NewPassword.optional(),
  version: RecordVersion,
});
