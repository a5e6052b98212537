// The browser preview of a document: the same block model the PDF and DOCX are written from,
// so the preview shows exactly their text.
import { Fragment } from "react";
import { listMarker, sectionLabel, type Block, type Document, type Line, type List, type Run } from "#app/documents/blocks";

function Runs({ runs }: { runs: readonly Run[] }) {
  return (
    <>
      {runs.map((r, i) => {
        let node: React.ReactNode = r.text;
        if (r.italic) node = <i>{node}</i>;
        if (r.bold) node = <b>{node}</b>;
        return <Fragment key={i}>{node}</Fragment>;
      })}
    </>
  );
}

function Lines({ lines }: { lines: readonly Line[] }) {
  return (
    <>
      {lines.map((l, i) => (
        <Fragment key={i}>
          {i > 0 ? <br /> : null}
          <Runs runs={l} />
        </Fragment>
      ))}
    </>
  );
}

function ListView({ list, depth }: { list: List; depth: number }) {
  return (
    <ol className="doc-list">
      {list.items.map((item, i) => (
        <li key={i}>
          <span className="doc-marker">{listMarker(depth, i)}</span> <Runs runs={item.runs} />
          {item.list ? <ListView list={item.list} depth={depth + 1} /> : null}
        </li>
      ))}
    </ol>
  );
}

function BlockView({ block }: { block: Block }) {
  switch (block.kind) {
    case "header":
      return (
        <p className={`doc-header${block.align === "left" ? " doc-header--left" : ""}${block.size === "body" ? " doc-header--body" : ""}`}>
          <Lines lines={block.lines} />
        </p>
      );
    case "heading":
      return (
        <p className="doc-title">
          <Lines lines={block.lines} />
        </p>
      );
    case "paragraph":
      return (
        <p className={`doc-p doc-p--${block.align}`} data-role={block.role}>
          <Runs runs={block.runs} />
        </p>
      );
    case "section":
      return (
        <div className="doc-section">
          {block.blocks.map((b, i) =>
            b.kind === "paragraph" ? (
              <p key={i} className="doc-p doc-p--justify">
                {i === 0 ? <b>{sectionLabel(block)} </b> : null}
                <Runs runs={b.runs} />
              </p>
            ) : (
              <ListView key={i} list={b} depth={0} />
            ),
          )}
        </div>
      );
    case "list":
      return <ListView list={block} depth={0} />;
    case "signature":
      return (
        <p className="doc-signature">
          <Lines lines={block.lines} />
        </p>
      );
    case "spacer":
      // One empty line per spaced line: an inline style height would be blocked by the CSP.
      return (
        <div aria-hidden="true">
          {Array.from({ length: block.lines }, (_, i) => (
            <div key={i} className="doc-spacer-line" />
          ))}
        </div>
      );
    case "pagebreak":
      return <hr className="doc-pagebreak" />;
  }
}

export function DocumentPreview({ doc, label }: { doc: Document; label: string }) {
  return (
    <article className="doc-preview" aria-label={label}>
      {doc.blocks.map((b, i) => (
        <BlockView key={i} block={b} />
      ))}
    </article>
  );
}
