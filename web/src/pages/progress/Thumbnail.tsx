// A site photo's thumbnail: the server makes it in the background and answers 202
// until it is ready, so the image is fetched (and asked again) rather than put in an
// <img src> that would show a broken picture meanwhile.
import { useEffect, useState } from "react";
import { loadThumbnail } from "../../api/progress";
import { useLanguage } from "../../i18n/language";

export function Thumbnail({ url, alt }: { url: string; alt: string }) {
  const { t } = useLanguage();
  const [source, setSource] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const controller = new AbortController();
    let made: string | null = null;
    setSource(null);
    setFailed(false);
    loadThumbnail(url, controller.signal)
      .then((objectUrl) => {
        made = objectUrl;
        if (objectUrl) setSource(objectUrl);
        else setFailed(true);
      })
      .catch((error: unknown) => {
        if (!(error instanceof DOMException && error.name === "AbortError")) setFailed(true);
      });
    return () => {
      controller.abort();
      if (made) URL.revokeObjectURL(made);
    };
  }, [url]);
  if (source) return <img className="field-thumb" src={source} alt={alt} data-testid="photo-thumbnail" />;
  return (
    <span className="field-thumb field-thumb-pending" role="img" aria-label={alt}>
      {failed ? "–" : t("prog.photo_making")}
    </span>
  );
}
