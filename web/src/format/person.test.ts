import { describe, expect, it } from "vitest";
import { personName } from "./person";

describe("person names", () => {
  it("names the command line in Thai and English", () => {
    expect(personName("command-line", "th")).toBe("ผู้ดูแลระบบ (คำสั่ง)");
    expect(personName("command-line", "en")).toBe("Administrator (command line)");
  });
  it("prefers the display name", () => {
    expect(personName("strategy", "th", "นางสาวยุทธศาสตร์ ตัวอย่าง")).toBe("นางสาวยุทธศาสตร์ ตัวอย่าง");
    expect(personName("strategy", "th")).toBe("strategy");
    expect(personName(null, "th")).toBe("ผู้ไม่ระบุตัวตน");
  });
});
