// The community manager's sales page (/tourism/sell), phone first and working without
// a signal: tap what was sold, record it; the sale goes into this phone's journal
// (IndexedDB, chained by hash) and is sent until the server acknowledges it —
// "รอส่ง N รายการ" until then. An acknowledged sale shows its PromptPay QR to the
// community's payee. The service worker keeps the page for reloads offline.
import qrcode from "qrcode-generator";
import { useEffect, useMemo, useState } from "react";
import { Link } from "react-router";
import {
  getCommunity,
  getPromptPay,
  listExperiences,
  listProducts,
  type TourismItem,
} from "../../api/tourism";
import { useAuth } from "../../auth/auth";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Loading } from "../../components/Loading";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useLoad } from "../../components/useLoad";
import { formatSatang } from "../../format/money";
import { useLanguage } from "../../i18n/language";
import { registerServiceWorker } from "../../offline/register";
import {
  acknowledgement,
  flush,
  recordSale,
  startJournal,
  subscribe,
  waiting,
  type JournalSale,
  type JournalState,
} from "./journal";
import { totalSatang, type SaleLine } from "./receipt";

function useJournal(): JournalState | null {
  const [state, setState] = useState<JournalState | null>(null);
  useEffect(() => {
    startJournal();
    return subscribe(setState);
  }, []);
  return state;
}

function PromptPayQr({ saleId }: { saleId: number }) {
  const { pick, language } = useLanguage();
  const [qr, reload] = useLoad((signal) => getPromptPay(saleId, signal), [saleId]);
  const svg = useMemo(() => {
    if (!qr.data) return null;
    const code = qrcode(0, "M");
    code.addData(qr.data.payload);
    code.make();
    return code.createSvgTag({ cellSize: 4, margin: 4, scalable: true });
  }, [qr.data]);
  if (qr.status === "failed") return <ErrorNotice error={qr.error} onRetry={reload} />;
  if (!qr.data || !svg) return <Loading />;
  return (
    <figure className="tourism-qr" data-testid="promptpay-qr" data-payload={qr.data.payload}>
      <div
        role="img"
        aria-label={pick({ th: "คิวอาร์โค้ดพร้อมเพย์", en: "PromptPay QR code" })}
        dangerouslySetInnerHTML={{ __html: svg }}
      />
      <figcaption>
        {pick({ th: "สแกนจ่ายด้วยแอปธนาคาร", en: "Scan with a banking app" })}:{" "}
        {formatSatang(qr.data.amount_satang, language)}
      </figcaption>
    </figure>
  );
}

export function SellPage() {
  const { pick, language } = useLanguage();
  const { user } = useAuth();
  const communityId = user?.community_id ?? null;
  const title = pick({ th: "ขายสินค้าและกิจกรรม", en: "Sell products and experiences" });
  useDocumentTitle(title);
  const journal = useJournal();
  const [online, setOnline] = useState(() => navigator.onLine);
  const [cart, setCart] = useState<Map<string, { item: TourismItem; quantity: number }>>(new Map());
  const [shownQr, setShownQr] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    void registerServiceWorker();
    const update = () => setOnline(navigator.onLine);
    window.addEventListener("online", update);
    window.addEventListener("offline", update);
    return () => {
      window.removeEventListener("online", update);
      window.removeEventListener("offline", update);
    };
  }, []);

  const [community] = useLoad(
    (signal) => (communityId === null ? Promise.resolve(null) : getCommunity(communityId, signal)),
    [communityId],
  );
  const [items, reloadItems] = useLoad(
    async (signal) =>
      communityId === null
        ? []
        : [...(await listProducts(communityId, signal)), ...(await listExperiences(communityId, signal))],
    [communityId],
  );

  if (!user || user.role !== "community_manager" || communityId === null) {
    return (
      <>
        <h1>{title}</h1>
        <p className="notice notice-info">
          {pick({
            th: "หน้านี้สำหรับผู้จัดการชุมชนท่องเที่ยวที่ได้รับมอบหมายชุมชนแล้ว",
            en: "This page is for a tourism community's manager",
          })}
        </p>
      </>
    );
  }

  const add = (item: TourismItem, change: number) =>
    setCart((previous) => {
      const next = new Map(previous);
      const key = `${item.kind}:${item.id}`;
      const quantity = (next.get(key)?.quantity ?? 0) + change;
      if (quantity <= 0) next.delete(key);
      else next.set(key, { item, quantity });
      return next;
    });
  const lines: SaleLine[] = [...cart.values()].map(({ item, quantity }) => ({
    kind: item.kind,
    id: item.id,
    quantity,
    unit_price_satang: item.price_satang,
  }));
  const record = async () => {
    if (lines.length === 0) return;
    await recordSale(communityId, user.username, lines);
    setCart(new Map());
    setNotice(pick({ th: "บันทึกการขายไว้ในเครื่องแล้ว", en: "Sale kept on this phone" }));
  };

  const pending = journal ? waiting(journal) : [];
  const mine = journal
    ? journal.sales
        .filter((sale) => sale.community_id === communityId)
        .slice(-20)
        .reverse()
    : [];
  const state = journal?.sending
    ? pick({ th: "กำลังส่ง…", en: "Sending…" })
    : !online || journal?.blocked === "offline"
      ? pick({ th: "ไม่มีสัญญาณ จะส่งเมื่อกลับมาออนไลน์", en: "No signal; will send when back online" })
      : journal?.blocked === "signed_out"
        ? pick({ th: "กรุณาเข้าสู่ระบบอีกครั้งเพื่อส่ง", en: "Sign in again to send" })
        : "";
  const saleLabel = (sale: JournalSale) => {
    const ack = journal ? acknowledgement(journal, sale) : undefined;
    if (!ack) return pick({ th: "รอส่ง", en: "Waiting" });
    if (ack.refused) return `${pick({ th: "ไม่รับ", en: "Refused" })}: ${pick(ack.refused)}`;
    return `${pick({ th: "ส่งแล้ว", en: "Sent" })} ${ack.sale_number ?? ""}`;
  };

  return (
    <div className="tourism-sell">
      <h1>{title}</h1>
      <p className="muted">
        {community.data ? (language === "en" ? community.data.name_en : community.data.name_th) : ""}
      </p>
      <p className="field-queue-bar">
        <strong data-testid="tourism-waiting" data-count={pending.length} aria-live="polite">
          {pending.length > 0
            ? pick({ th: `รอส่ง ${pending.length} รายการ`, en: `${pending.length} waiting to send` })
            : pick({ th: "ส่งครบแล้ว", en: "All sent" })}
        </strong>
        {state && <span className="muted"> · {state}</span>}
        {pending.length > 0 && online && !journal?.sending && (
          <button type="button" className="button small" onClick={() => void flush()}>
            {pick({ th: "ส่งตอนนี้", en: "Send now" })}
          </button>
        )}
      </p>
      {notice && (
        <p className="notice notice-success" data-testid="tourism-notice">
          {notice}
        </p>
      )}
      {items.status === "failed" && <ErrorNotice error={items.error} onRetry={reloadItems} />}
      {items.data === null ? (
        <Loading />
      ) : (
        <ul className="tourism-items">
          {items.data.map((item) => {
            const quantity = cart.get(`${item.kind}:${item.id}`)?.quantity ?? 0;
            return (
              <li key={`${item.kind}:${item.id}`}>
                <button
                  type="button"
                  className="button"
                  onClick={() => add(item, 1)}
                  aria-label={pick({ th: `เพิ่ม ${item.name_th}`, en: `Add ${item.name_en ?? item.name_th}` })}
                >
                  {language === "en" && item.name_en ? item.name_en : item.name_th} ·{" "}
                  {formatSatang(item.price_satang, language)}
                </button>
                {quantity > 0 && (
                  <>
                    {" "}
                    × {quantity}{" "}
                    <button type="button" className="button small" onClick={() => add(item, -1)}>
                      −
                    </button>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <p>
        {pick({ th: "รวม", en: "Total" })}: <strong>{formatSatang(totalSatang(lines), language)}</strong>{" "}
        <button type="button" className="button" disabled={lines.length === 0} onClick={() => void record()}>
          {pick({ th: "บันทึกการขาย", en: "Record sale" })}
        </button>
      </p>
      <h2>{pick({ th: "การขายในเครื่องนี้", en: "Sales on this phone" })}</h2>
      <ul data-testid="tourism-journal">
        {mine.map((sale) => {
          const ack = journal ? acknowledgement(journal, sale) : undefined;
          return (
            <li key={`${sale.device_id}:${sale.sequence}`}>
              #{sale.sequence} · {formatSatang(totalSatang(sale.lines), language)} · {saleLabel(sale)}
              {ack?.sale_id && (
                <>
                  {" "}
                  <button type="button" className="button small" onClick={() => setShownQr(ack.sale_id)}>
                    {pick({ th: "QR พร้อมเพย์", en: "PromptPay QR" })}
                  </button>
                  {shownQr === ack.sale_id && <PromptPayQr saleId={ack.sale_id} />}
                </>
              )}
            </li>
          );
        })}
      </ul>
      <p>
        <Link to={`/tourism/communities/${communityId}/income`}>
          {pick({ th: "รายได้ชุมชนรายเดือน", en: "Community income by month" })}
        </Link>
      </p>
    </div>
  );
}
