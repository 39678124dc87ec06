// Thai text that never breaks between lines inside a compound word (see
// format/thaiBreak.ts): the pieces that must stay whole are kept on one line.
import { useMemo } from "react";
import { thaiPieces } from "../format/thaiBreak";

export function ThaiText({ children }: { children: string }) {
  const pieces = useMemo(() => thaiPieces(children), [children]);
  if (pieces.length === 1 && !pieces[0]!.keep) return <>{children}</>;
  return (
    <>
      {pieces.map((piece, index) =>
        piece.keep ? (
          <span key={index} className="thai-keep">
            {piece.text}
          </span>
        ) : (
          piece.text
        ),
      )}
    </>
  );
}
