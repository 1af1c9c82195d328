// Checks real responses against the live OpenAPI document: every GET route is called (path parameters filled from
// the API's own answers), JSON bodies are validated with ajv against the schema the document gives for that status,
// and files must come with a content type the document declares. Prints one JSON line: the checks made and failures.
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const baseUrl = process.env.HTA_BASE_URL;
const token = process.env.HTA_TOKEN;
if (!baseUrl || !token) throw new Error("HTA_BASE_URL and HTA_TOKEN are required");
const headers = { Authorization: `Bearer ${token}` };

const doc = await (await fetch(`${baseUrl}/openapi/v1.json`, { headers })).json();
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addFormat("int32", { type: "number", validate: (n) => Number.isInteger(n) && n >= -2147483648 && n <= 2147483647 });
ajv.addFormat("int64", { type: "number", validate: (n) => Number.isInteger(n) });
ajv.addSchema(doc, "openapi.json");

const pointer = (...parts) => parts.map((p) => String(p).replaceAll("~", "~0").replaceAll("/", "~1")).join("/");

const meetings = await (await fetch(`${baseUrl}/api/v1/meetings`, { headers })).json();
const actions = await (await fetch(`${baseUrl}/api/v1/actions?pageSize=1`, { headers })).json();
const values = {
  id: meetings[0].id,
  seriesId: meetings[0].seriesId,
  reference: actions.items[0].reference.replace("/", "-"),
  token: process.env.HTA_CALENDAR_TOKEN,
};

const checks = [];
const failures = [];
async function check(path, template, expectStatus) {
  const url = template.replace(/\{(\w+)\}/g, (_, name) => encodeURIComponent(values[name]));
  const response = await fetch(baseUrl + url, { headers });
  const status = String(response.status);
  const contentType = (response.headers.get("content-type") ?? "").split(";")[0].trim();
  const declared = doc.paths[path].get.responses[status];
  checks.push(`${url} ${status}`);
  if (status !== String(expectStatus)) return failures.push(`${url}: expected ${expectStatus}, got ${status}`);
  if (!declared) return failures.push(`${url}: status ${status} is not in the document`);
  const media = declared.content?.[contentType];
  if (!media) return failures.push(`${url}: ${contentType} is not a declared content type for ${status}`);
  if (!contentType.endsWith("json")) return;
  const validate = ajv.getSchema(`openapi.json#/${pointer("paths", path, "get", "responses", status, "content", contentType, "schema")}`);
  const body = await response.json();
  if (!validate(body)) failures.push(`${url}: ${ajv.errorsText(validate.errors, { separator: "; " })}`);
}

for (const [path, item] of Object.entries(doc.paths)) {
  if (!item.get || (path.startsWith("/ical/") && !values.token)) continue;
  await check(path, path, 200);
}
// Error answers are documents too: a meeting and an action that do not exist.
await check("/api/v1/meetings/{id}", "/api/v1/meetings/999999", 404);
await check("/api/v1/actions/{reference}", "/api/v1/actions/1999-99", 404);
await check("/api/v1/actions", "/api/v1/actions?status=nonsense", 400);

console.log(JSON.stringify({ checks, failures }));
