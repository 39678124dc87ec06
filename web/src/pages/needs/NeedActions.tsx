// What the strategy office does with a published need: accept or decline it (a
// declined need must say why), and link it to the guidelines and projects of its
// plan that answer it.
import { useMemo, useState } from "react";
import { changeNeedStatus, linkNeed, unlinkNeed } from "../../api/needs";
import type { NeedView } from "../../api/needs";
import { getTree } from "../../api/plan";
import type { ElementKind } from "../../api/plan";
import { ErrorNotice } from "../../components/ErrorNotice";
import { ReasonDialog } from "../../components/ReasonDialog";
import { useLoad } from "../../components/useLoad";
import { useLanguage } from "../../i18n/language";
import { TreePicker } from "../plan/TreePicker";

const linkable: ElementKind[] = ["guideline", "project"];

export function NeedActions({ need, onChanged }: { need: NeedView; onChanged: (need: NeedView) => void }) {
  const { t, language } = useLanguage();
  const [tree] = useLoad((signal) => getTree(need.plan_id, undefined, signal), [need.plan_id]);
  const [choice, setChoice] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [declining, setDeclining] = useState(false);

  const linked = useMemo(() => new Set(need.links.map((link) => link.element_id)), [need.links]);

  async function run(action: () => Promise<NeedView>) {
    setBusy(true);
    setError(null);
    try {
      onChanged(await action());
      setChoice(null);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="need-actions-heading" data-testid="need-actions">
      <h2 id="need-actions-heading">{t("need.manage")}</h2>
      <ErrorNotice error={error} />
      <div className="form-actions">
        {need.status !== "accepted" && need.status !== "linked" && (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void run(() => changeNeedStatus(need.id, "accepted", need.version))}
          >
            {t("need.accept")}
          </button>
        )}
        {need.status !== "declined" && need.status !== "linked" && (
          <button type="button" className="button danger" disabled={busy} onClick={() => setDeclining(true)}>
            {t("need.decline")}
          </button>
        )}
      </div>
      <ReasonDialog
        open={declining}
        title={t("need.decline_title")}
        label={t("need.decline_reason")}
        confirmLabel={t("need.decline")}
        onClose={() => setDeclining(false)}
        onConfirm={async (reason) => {
          onChanged(await changeNeedStatus(need.id, "declined", need.version, reason));
        }}
      />
      {need.links.length > 0 && (
        <ul className="link-list">
          {need.links.map((link) => (
            <li key={link.element_id}>
              {link.code && <code>{link.code}</code>}{" "}
              {language === "en" ? link.text_en || link.text_th : link.text_th}{" "}
              <button
                type="button"
                className="button small"
                disabled={busy}
                aria-label={t("need.unlink_label", { text: link.text_th ?? String(link.element_id) })}
                onClick={() => void run(() => unlinkNeed(need.id, link.element_id, need.version))}
              >
                {t("need.unlink")}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="link-form">
        <TreePicker
          nodes={tree.data?.children ?? []}
          selectable={linkable}
          excluded={linked}
          value={choice}
          onChange={setChoice}
          label={t("need.link_to")}
        />
        <button
          type="button"
          className="button primary"
          disabled={busy || choice === null}
          onClick={() => {
            if (choice !== null) void run(() => linkNeed(need.id, choice, need.version));
          }}
        >
          {t("need.link")}
        </button>
      </div>
    </section>
  );
}
