// The pure rules of attachments: the size limit from the setting, the kept file name, the
// messages and the form's fields.
import { describe, expect, test } from "vitest";
import { ATTACHMENT_MESSAGES, AttachmentUploadForm, cleanFileName, formatFileSize, maxSizeBytes } from "#app/domain/attachments";

describe("attachments", () => {
  test("the size limit is the setting's whole megabytes, 20 MB without a usable value", () => {
    expect(maxSizeBytes("5")).toBe(5 * 1024 * 1024);
    for (const v of [null, "", "zero", "0", "-3"]) expect(maxSizeBytes(v), String(v)).toBe(20 * 1024 * 1024);
    expect(ATTACHMENT_MESSAGES.tooBig(maxSizeBytes(null))).toBe("Plik jest za duży: najwięcej 20 MB.");
    expect(formatFileSize(1536 * 1024)).toBe("1,5 MB");
    expect(formatFileSize(73)).toBe("73 B");
  });

  test("the kept name: the last path segment, no control or direction characters, at most 200 characters with the extension", () => {
    expect(cleanFileName("C:\\fakepath\\Wniosek Łódź.pdf", "pdf")).toBe("Wniosek Łódź.pdf");
    expect(cleanFileName("../../etc/passwd", "pdf")).toBe("passwd");
    expect(cleanFileName("zdj\u202Egnp.exe", "png")).toBe("zdjgnp.exe");
    expect(cleanFileName("a\r\nb.pdf", "pdf")).toBe("ab.pdf");
    expect(cleanFileName("", "png")).toBe("załącznik.png");
    expect(cleanFileName(undefined, "pdf")).toBe("załącznik.pdf");
    const long = cleanFileName(`${"ż".repeat(300)}.docx`, "docx");
    expect(long).toHaveLength(200);
    expect(long.endsWith(".docx")).toBe(true);
  });

  test("the form: a kind from the list, a one-line description of at most 500 characters", () => {
    expect(AttachmentUploadForm.safeParse({ kind: "CV", description: "" }).success).toBe(true);
    expect(AttachmentUploadForm.safeParse({ kind: "PROGRAM", description: "" }).error?.issues[0]?.message).toBe("Wybierz rodzaj załącznika.");
    expect(AttachmentUploadForm.safeParse({ kind: "CV", description: "x".repeat(501) }).error?.issues[0]?.message).toBe("Najwyżej 500 znaków.");
  });
});
