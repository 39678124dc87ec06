// Screening at a checkpoint (/health/screen), phone first and working without a signal:
// a record in a few taps (name, temperature, save), labels in Thai and Khmer. Each
// screening is queued on the phone with its client_id and sent when online; the
// service worker keeps the page and the checkpoint list for reloads offline.
import { useEffect, useState } from "react";
import { Link } from "react-router";
import { listCheckpoints } from "../../api/health";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Loading } from "../../components/Loading";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useLoad } from "../../components/useLoad";
import { useLanguage } from "../../i18n/language";
import { registerServiceWorker } from "../../offline/register";
import { decisions, destinations, form, idTypes, symptoms, type Trilingual } from "./labels";
import { discard, enqueue, flush, newClientId, subscribe, type QueuedScreening } from "./queue";
import "./health.css";

const checkpointKey = "changwat.health.checkpoint";

function Label({ text }: { text: Trilingual }) {
  const { pick } = useLanguage();
  return (
    <>
      {pick(text)}{" "}
      <span lang="km" className="health-km">
        {text.km}
      </span>
    </>
  );
}

export function ScreeningPage() {
  const { pick } = useLanguage();
  useDocumentTitle(pick({ th: "คัดกรองที่ด่าน", en: "Checkpoint screening" }));
  const [checkpoints, reload] = useLoad((signal) => listCheckpoints(signal), []);
  const [checkpointId, setCheckpointId] = useState<number | null>(() => {
    const kept = Number(localStorage.getItem(checkpointKey));
    return kept > 0 ? kept : null;
  });
  const [idType, setIdType] = useState("thai_id");
  const [idNumber, setIdNumber] = useState("");
  const [name, setName] = useState("");
  const [phone, setPhone] = useState("");
  const [temperature, setTemperature] = useState("36.5");
  const [chosen, setChosen] = useState<string[]>([]);
  const [destination, setDestination] = useState("");
  const [decision, setDecision] = useState("cleared");
  const [queue, setQueue] = useState<QueuedScreening[]>([]);
  const [online, setOnline] = useState(navigator.onLine);
  const [saved, setSaved] = useState(0);

  useEffect(() => {
    void registerServiceWorker();
    const unsubscribe = subscribe(setQueue);
    const update = () => setOnline(navigator.onLine);
    window.addEventListener("online", update);
    window.addEventListener("offline", update);
    void flush();
    // The browser's "online" may come before the server is reachable: try again.
    const timer = window.setInterval(() => void flush(), 3000);
    return () => {
      window.clearInterval(timer);
      unsubscribe();
      window.removeEventListener("online", update);
      window.removeEventListener("offline", update);
    };
  }, []);

  const items = checkpoints.data ?? [];
  const current = checkpointId ?? items.find((c) => c.kind === "pier")?.id ?? items[0]?.id ?? null;
  const waiting = queue.filter((item) => item.refused === null).length;

  function save(event: React.FormEvent) {
    event.preventDefault();
    if (current === null || name.trim() === "") return;
    localStorage.setItem(checkpointKey, String(current));
    enqueue({
      checkpoint_id: current,
      person: {
        // Without a number the document type says nothing: a quick record is "other".
        id_type: (idNumber.trim() === "" ? "other" : idType) as "thai_id",
        id_number: idNumber.trim() === "" ? null : idNumber.trim(),
        name: name.trim(),
        phone: phone.trim() === "" ? null : phone.trim(),
      },
      screened_at: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
      temperature_c: Number(temperature),
      symptoms: chosen as "fever"[],
      destination_area_code: destination === "" ? null : destination,
      decision: decision as "cleared",
      client_id: newClientId(),
    });
    setSaved((n) => n + 1);
    setIdNumber("");
    setName("");
    setPhone("");
    setChosen([]);
    setDecision("cleared");
  }

  if (checkpoints.status === "failed" && items.length === 0)
    return <ErrorNotice error={checkpoints.error} onRetry={reload} />;
  if (items.length === 0) return <Loading />;
  return (
    <div className="health-field">
      <h1>{pick({ th: "คัดกรองที่ด่าน", en: "Checkpoint screening" })}</h1>
      <p className="health-status" data-testid="queue-status" role="status">
        {online
          ? pick({ th: "ออนไลน์", en: "Online" })
          : pick({ th: "ไม่มีสัญญาณ — เก็บไว้ในเครื่อง", en: "Offline — kept on this phone" })}
        {" · "}
        {pick({ th: `รอส่ง ${waiting} รายการ`, en: `${waiting} waiting to send` })}
        {saved > 0 && ` · ${pick({ th: `บันทึกแล้ว ${saved}`, en: `${saved} saved` })}`}
      </p>
      <form onSubmit={save} className="health-form">
        <label>
          {pick({ th: "ด่าน", en: "Checkpoint" })}
          <select
            value={current ?? ""}
            onChange={(e) => setCheckpointId(Number(e.target.value))}
            data-testid="checkpoint"
          >
            {items.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name_th} ({c.kind_th})
              </option>
            ))}
          </select>
        </label>
        <fieldset className="health-chips">
          <legend>{pick({ th: "เอกสาร", en: "Document" })}</legend>
          {idTypes.map(([value, text]) => (
            <button
              type="button"
              key={value}
              aria-pressed={idType === value}
              onClick={() => setIdType(value)}
            >
              <Label text={text} />
            </button>
          ))}
        </fieldset>
        <label>
          <Label text={form.idNumber} />
          <input
            value={idNumber}
            onChange={(e) => setIdNumber(e.target.value)}
            inputMode="numeric"
            name="id_number"
          />
        </label>
        <label>
          <Label text={form.name} />
          <input value={name} onChange={(e) => setName(e.target.value)} required name="name" />
        </label>
        <label>
          <Label text={form.phone} />
          <input value={phone} onChange={(e) => setPhone(e.target.value)} inputMode="tel" name="phone" />
        </label>
        <label>
          <Label text={form.temperature} />
          <input
            value={temperature}
            onChange={(e) => setTemperature(e.target.value)}
            inputMode="decimal"
            name="temperature"
            required
            pattern="[0-9]{2}(\.[0-9])?"
          />
        </label>
        <fieldset className="health-chips">
          <legend>
            <Label text={form.symptoms} />
          </legend>
          {symptoms.map(([value, text]) => (
            <button
              type="button"
              key={value}
              aria-pressed={chosen.includes(value)}
              onClick={() =>
                setChosen((list) =>
                  list.includes(value) ? list.filter((s) => s !== value) : [...list, value],
                )
              }
            >
              <Label text={text} />
            </button>
          ))}
        </fieldset>
        <label>
          <Label text={{ ...form.destination }} />
          <select value={destination} onChange={(e) => setDestination(e.target.value)} name="destination">
            {destinations.map(([code, text]) => (
              <option key={code} value={code}>
                {pick(text)}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="health-chips">
          {decisions.map(([value, text]) => (
            <button
              type="button"
              key={value}
              aria-pressed={decision === value}
              onClick={() => setDecision(value)}
            >
              <Label text={text} />
            </button>
          ))}
        </fieldset>
        <button type="submit" className="health-save" data-testid="save-screening">
          <Label text={form.save} />
        </button>
      </form>
      {queue.some((item) => item.refused) && (
        <ul className="health-refused">
          {queue
            .filter((item) => item.refused)
            .map((item) => (
              <li key={item.input.client_id ?? item.recordedAt}>
                {item.input.person?.name}: {item.refused && pick(item.refused)}{" "}
                <button type="button" onClick={() => discard(item.input.client_id ?? "")}>
                  {pick({ th: "ทิ้ง", en: "Discard" })}
                </button>
              </li>
            ))}
        </ul>
      )}
      <p>
        <Link to="/health">{pick({ th: "กระดาน EOC", en: "EOC board" })}</Link>
      </p>
    </div>
  );
}
