import { afterEach, describe, expect, expectTypeOf, it, vi } from "vitest";
import { ApiError, buildUrl, call, fillPath, setCsrfToken, type ResponseBody } from "./client";
import type { Schemas } from "./types";

describe("fillPath", () => {
  it("puts each parameter into its place, encoded", () => {
    expect(fillPath("/api/v1/plans/{id}/elements/{element_id}", { id: 3, element_id: 41 })).toBe(
      "/api/v1/plans/3/elements/41",
    );
    expect(fillPath("/api/v1/areas/{code}", { code: "23/01 x" })).toBe("/api/v1/areas/23%2F01%20x");
  });

  it("refuses a template whose parameter is missing", () => {
    expect(() => fillPath("/api/v1/needs/{id}", {})).toThrow(/missing path parameter id/);
  });
});

describe("buildUrl", () => {
  it("leaves out empty query values", () => {
    expect(buildUrl("/api/v1/needs", { plan_id: 1, district: "", status: undefined, area: null })).toBe(
      "/api/v1/needs?plan_id=1",
    );
  });
});

describe("call", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setCsrfToken(null);
  });

  function stubFetch(status: number, body: unknown) {
    const fetchMock = vi.fn(
      async (_url: string, _init: RequestInit) =>
        new Response(body === null ? null : JSON.stringify(body), {
          status,
          headers: { "Content-Type": "application/json" },
        }),
    );
    vi.stubGlobal("fetch", fetchMock);
    return fetchMock;
  }

  it("sends the operation's method, filled path, query, JSON body and CSRF token", async () => {
    const fetchMock = stubFetch(200, { id: 7 });
    setCsrfToken("token-1");
    await call("delete", "/api/v1/needs/{id}/links/{element_id}", {
      path: { id: 7, element_id: 12 },
      query: { version: 4 },
    });
    await call("post", "/api/v1/needs/{id}/status", {
      path: { id: 7 },
      body: { status: "accepted", version: 5 },
    });
    const [deleteUrl, deleteInit] = fetchMock.mock.calls[0]!;
    expect(deleteUrl).toBe("/api/v1/needs/7/links/12?version=4");
    expect(deleteInit.method).toBe("DELETE");
    expect((deleteInit.headers as Record<string, string>)["X-CSRF-Token"]).toBe("token-1");
    const [postUrl, postInit] = fetchMock.mock.calls[1]!;
    expect(postUrl).toBe("/api/v1/needs/7/status");
    expect(postInit.method).toBe("POST");
    expect(JSON.parse(postInit.body as string)).toEqual({ status: "accepted", version: 5 });
  });

  it("sends no CSRF token on a safe method", async () => {
    const fetchMock = stubFetch(200, { plans: [] });
    setCsrfToken("token-1");
    await call("get", "/api/v1/plans");
    const [, init] = fetchMock.mock.calls[0]!;
    expect((init.headers as Record<string, string>)["X-CSRF-Token"]).toBeUndefined();
  });

  it("answers null for 204 and throws the server's error otherwise", async () => {
    stubFetch(204, null);
    await expect(call("post", "/api/v1/auth/logout")).resolves.toBeNull();
    stubFetch(409, {
      error: {
        code: "stale_version",
        message_th: "ล้าสมัย",
        message_en: "Stale",
        fields: {},
        request_id: "r1",
      },
    });
    const failure = call("patch", "/api/v1/agencies/{code}", { path: { code: "X" }, body: { version: 1 } });
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({ status: 409, code: "stale_version", requestId: "r1" });
  });
});

// Checked by `tsc` (npm run build): the types come from api/openapi.yaml, so these
// fail to compile when the description and the UI disagree.
describe("types generated from api/openapi.yaml", () => {
  it("types answers by operation", () => {
    expectTypeOf<ResponseBody<"get", "/api/v1/needs/{id}">>().toEqualTypeOf<
      Schemas["ParticipationNeedView"]
    >();
    expectTypeOf<ResponseBody<"post", "/api/v1/plans/{id}/approve">>().toEqualTypeOf<
      Schemas["PlanVersion"]
    >();
    expectTypeOf<ResponseBody<"delete", "/api/v1/swot/{id}">>().toEqualTypeOf<null>();
  });

  it("refuses calls that do not match the description", () => {
    const never = () => {
      // @ts-expect-error the path parameter is required
      void call("get", "/api/v1/needs/{id}");
      // @ts-expect-error the parameter is called id
      void call("get", "/api/v1/needs/{id}", { path: { need_id: 1 } });
      // @ts-expect-error no such operation
      void call("put", "/api/v1/needs/{id}", { path: { id: 1 } });
      void call("post", "/api/v1/needs/{id}/status", {
        path: { id: 1 },
        // @ts-expect-error status must be one the server accepts
        body: { status: "done", version: 1 },
      });
    };
    expect(typeof never).toBe("function");
  });
});
