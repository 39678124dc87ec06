// Site photos from the phone's camera. The position is read from the Geolocation API
// when the photo is taken (phones usually strip GPS from uploaded images), with its
// accuracy, and travels with the photo as X-Latitude/X-Longitude/X-Accuracy-M. Each
// photo goes through the field queue (kept on the phone until the server has it).
import { useId, useRef, useState } from "react";
import type { ChangeEvent } from "react";
import type { ProgressPhoto } from "../../api/progress";
import { useAuth } from "../../auth/auth";
import { formatDateTime } from "../../format/date";
import { formatNumber } from "../../format/number";
import { useLanguage } from "../../i18n/language";
import { flush, recordPhoto, type QueueEntry } from "../../offline/queue";
import { Thumbnail } from "./Thumbnail";
import { localIso } from "./values";
import { useEffect } from "react";

const maxBytes = 10 * 1024 * 1024;

interface Position {
  latitude: number | null;
  longitude: number | null;
  accuracyM: number | null;
  denied: boolean;
}

function currentPosition(): Promise<Position> {
  const none = (denied: boolean): Position => ({ latitude: null, longitude: null, accuracyM: null, denied });
  if (!("geolocation" in navigator)) return Promise.resolve(none(false));
  return new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition(
      (position) =>
        resolve({
          latitude: position.coords.latitude,
          longitude: position.coords.longitude,
          accuracyM: Number.isFinite(position.coords.accuracy) ? position.coords.accuracy : null,
          denied: false,
        }),
      (error) => resolve(none(error.code === error.PERMISSION_DENIED)),
      { enableHighAccuracy: true, timeout: 15000, maximumAge: 30000 },
    );
  });
}

function PositionText({
  latitude,
  longitude,
  accuracy,
}: {
  latitude: number | null;
  longitude: number | null;
  accuracy: number | null;
}) {
  const { t, language } = useLanguage();
  if (latitude === null || longitude === null)
    return <span className="muted">{t("prog.photo_no_position")}</span>;
  return (
    <span className="muted">
      {t("prog.photo_position", {
        lat: latitude.toFixed(5),
        lon: longitude.toFixed(5),
        accuracy: accuracy === null ? "–" : formatNumber(Math.round(accuracy), language),
      })}
    </span>
  );
}

function WaitingPhoto({ entry }: { entry: QueueEntry }) {
  const { t, language } = useLanguage();
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (entry.kind !== "photo") return;
    const made = URL.createObjectURL(entry.image);
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [entry]);
  if (entry.kind !== "photo") return null;
  return (
    <li data-testid="photo-waiting">
      {url && (
        <img
          className="field-thumb"
          src={url}
          alt={t("prog.photo_alt", { date: formatDateTime(entry.takenAt, language) })}
        />
      )}
      <span className="badge">{t("prog.photo_waiting")}</span>
      <PositionText latitude={entry.latitude} longitude={entry.longitude} accuracy={entry.accuracyM} />
    </li>
  );
}

export function PhotoSection({
  elementId,
  photos,
  waiting,
  mayWrite,
}: {
  elementId: number;
  photos: ProgressPhoto[];
  waiting: QueueEntry[];
  mayWrite: boolean;
}) {
  const { t, language } = useLanguage();
  const username = useAuth().user?.username ?? "";
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);

  async function captured(event: ChangeEvent<HTMLInputElement>) {
    const files = Array.from(event.target.files ?? []);
    event.target.value = "";
    if (files.length === 0) return;
    setBusy(true);
    setNote(null);
    try {
      // The position of the moment the photo was taken, asked once for the batch.
      const position = await currentPosition();
      if (position.denied) setNote(t("prog.position_denied"));
      for (const file of files) {
        if (file.type !== "image/jpeg" && file.type !== "image/png") {
          setNote(t("prog.photo_type"));
          continue;
        }
        if (file.size > maxBytes) {
          setNote(t("prog.photo_too_big"));
          continue;
        }
        await recordPhoto({
          elementId,
          username,
          image: file,
          contentType: file.type,
          takenAt: localIso(new Date()),
          latitude: position.latitude,
          longitude: position.longitude,
          accuracyM: position.accuracyM,
        });
      }
      if (navigator.onLine) void flush();
    } finally {
      setBusy(false);
    }
  }

  const mine = waiting.filter(
    (entry) => entry.kind === "photo" && entry.elementId === elementId && entry.refused === null,
  );
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t("prog.photos")}</h2>
      {mayWrite && (
        <p className="field-camera">
          <label className="button field-wide-button" htmlFor={`${id}-camera`}>
            {busy ? t("prog.photo_locating") : t("prog.take_photo")}
          </label>
          <input
            ref={input}
            id={`${id}-camera`}
            className="visually-hidden"
            type="file"
            accept="image/*"
            capture="environment"
            multiple
            onChange={(event) => void captured(event)}
            data-testid="photo-input"
          />
        </p>
      )}
      {note && <p className="notice notice-info">{note}</p>}
      {photos.length === 0 && mine.length === 0 ? (
        <p className="muted">{t("prog.photo_none")}</p>
      ) : (
        <ul className="field-photos" data-testid="photos">
          {mine.map((entry) => (
            <WaitingPhoto key={entry.key} entry={entry} />
          ))}
          {[...photos].reverse().map((photo) => (
            <li key={photo.id} data-testid="photo-sent">
              <a href={photo.url} target="_blank" rel="noreferrer">
                <Thumbnail
                  url={photo.thumbnail_url}
                  alt={t("prog.photo_alt", { date: formatDateTime(photo.taken_at, language) })}
                />
              </a>
              <span className="muted">{formatDateTime(photo.taken_at, language)}</span>
              <PositionText
                latitude={photo.latitude}
                longitude={photo.longitude}
                accuracy={photo.accuracy_m}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
