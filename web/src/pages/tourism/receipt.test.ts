import { describe, expect, it } from "vitest";
import { linesText, receiptHash, sha256Hex, totalSatang, utcNow, zeroHash } from "./receipt";

describe("the receipt chain on the phone", () => {
  const lines = [
    { kind: "product" as const, id: 7, quantity: 2, unit_price_satang: 12050 },
    { kind: "experience" as const, id: 9, quantity: 1, unit_price_satang: 40000 },
  ];
  it("writes the lines and the total as the server does", () => {
    expect(linesText(lines)).toBe("product:7:2:12050;experience:9:1:40000");
    expect(totalSatang(lines)).toBe(64100);
  });
  it("hashes with SHA-256 in lowercase hex", async () => {
    expect(await sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const expected = await sha256Hex(
      `${zeroHash}|dev-1|1|2026-11-28T03:00:00Z|64100|${await sha256Hex("product:7:2:12050;experience:9:1:40000")}`,
    );
    expect(await receiptHash(zeroHash, "dev-1", 1, "2026-11-28T03:00:00Z", lines)).toBe(expected);
  });
  it("stamps the sale in UTC to the second", () => {
    expect(utcNow(new Date("2026-11-28T03:00:00.456Z"))).toBe("2026-11-28T03:00:00Z");
  });
});
