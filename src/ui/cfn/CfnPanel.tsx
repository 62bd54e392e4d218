import { useDeferredValue, useMemo, useState } from 'react';
import { designToYaml } from '../../cfn/design-yaml';
import { useEditorState } from '../state/context';
import { download, fileName } from '../state/persist';
import { highlightYaml } from './highlight';
import { cfnViewOpen } from './store';

/**
 * "View as CloudFormation": the design as a CloudFormation template (YAML), read-only and highlighted, following
 * every edit. Loaded lazily (it brings the YAML writer) the first time it is opened.
 */
export default function CfnPanel() {
  const doc = useEditorState((s) => s.doc);
  const deferred = useDeferredValue(doc);
  const [copied, setCopied] = useState(false);
  const result = useMemo((): { yaml: string; error: null } | { yaml: ''; error: string } => {
    try {
      return { yaml: designToYaml(deferred), error: null };
    } catch (e) {
      return { yaml: '', error: (e as Error).message };
    }
  }, [deferred]);
  const yaml = result.yaml;
  const body = useMemo(() => highlightYaml(yaml), [yaml]);
  return (
    <aside className="cfn-panel" aria-label="CloudFormation template" data-testid="cfn-panel">
      <div className="cfn-head">
        <h2 className="m-0 min-w-0 flex-1 truncate pl-1 text-base font-bold">CloudFormation</h2>
        <button
          type="button"
          className="btn-ghost"
          disabled={!yaml}
          onClick={() =>
            void navigator.clipboard?.writeText(yaml).then(
              () => {
                setCopied(true);
                setTimeout(() => setCopied(false), 1500);
              },
              () => setCopied(false),
            )
          }
        >
          {copied ? 'Copied' : 'Copy'}
        </button>
        <button
          type="button"
          className="btn-ghost"
          disabled={!yaml}
          onClick={() => download(fileName(doc).replace(/\.json$/, '.template.yaml'), yaml, 'application/yaml')}
        >
          Download
        </button>
        <button
          type="button"
          className="btn-ghost"
          aria-label="Close CloudFormation view"
          onClick={() => cfnViewOpen.set(false)}
        >
          ✕
        </button>
      </div>
      {result.error !== null ? (
        <p role="alert" className="p-3">
          This design cannot be written as a template: {result.error}
        </p>
      ) : (
        <pre className="cfn-yaml" tabIndex={0} aria-readonly="true" data-testid="cfn-yaml">
          {body}
        </pre>
      )}
    </aside>
  );
}
