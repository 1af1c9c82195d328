// An everyday client written against the generated types only, as an office's script would be: it must compile under
// tsc --strict, and each call checks what came back. Prints one JSON line of what it saw for the test to read.
import createClient from "openapi-fetch";
import type { components, paths } from "./api.js";

type Problem = components["schemas"]["ProblemDetails"];

const baseUrl = process.env.HTA_BASE_URL;
const token = process.env.HTA_TOKEN;
if (!baseUrl || !token) throw new Error("HTA_BASE_URL and HTA_TOKEN are required");

const client = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${token}` } });

function fail(step: string, status: number, problem?: Problem): never {
  throw new Error(`${step}: HTTP ${status} ${problem?.detail ?? problem?.title ?? ""}`);
}

const meetings = await client.GET("/api/v1/meetings", { params: { query: { from: "2017-01-01", to: "2017-12-31" } } });
if (!meetings.data) fail("list meetings", meetings.response.status, meetings.error);
const firstMeeting = meetings.data[0];
if (!firstMeeting) throw new Error("no meetings in 2017");
const startsAt: string = firstMeeting.startTime;
const meetingId: number = firstMeeting.id;

const open = await client.GET("/api/v1/actions", { params: { query: { status: "open", pageSize: 5 } } });
if (!open.data) fail("list actions", open.response.status, open.error);
const listed = open.data.items[0];
if (!listed) throw new Error("no open actions");
const reference = listed.reference.replace("/", "-");

const read = await client.GET("/api/v1/actions/{reference}", { params: { path: { reference } } });
if (!read.data) fail("read action", read.response.status, read.error);
const versionRead: number = read.data.action.version;

const posted = await client.POST("/api/v1/actions/{reference}/updates", {
  params: { path: { reference } },
  body: { text: "Progress reported through the API client.", version: versionRead },
});
if (!posted.data) fail("post update", posted.response.status, posted.error);

const stale = await client.POST("/api/v1/actions/{reference}/updates", {
  params: { path: { reference } },
  body: { text: "Written from a stale read.", version: versionRead, status: "ProposedComplete" },
});
if (stale.data) throw new Error("a stale version was accepted");
const conflict: Problem = stale.error;

const csv = await client.GET("/api/v1/actions/export.csv", { params: { query: { status: "open" } }, parseAs: "text" });
if (csv.data === undefined) fail("download CSV", csv.response.status, csv.error);
const csvText: string = csv.data;

console.log(JSON.stringify({
  meetings: meetings.data.length,
  meetingId,
  startsAt,
  reference: listed.reference,
  versionRead,
  versionAfterUpdate: posted.data.action.version,
  latestUpdate: posted.data.updates.at(-1)?.text ?? null,
  staleStatus: stale.response.status,
  staleContentType: stale.response.headers.get("content-type"),
  staleDetail: conflict.detail ?? null,
  csvContentType: csv.response.headers.get("content-type"),
  csvHasReference: csvText.includes(listed.reference),
}));
