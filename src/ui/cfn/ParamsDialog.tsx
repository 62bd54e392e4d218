import { useState } from 'react';
import { Modal } from '../dialogs/Modal';
import { useWorkspace } from '../state/context';
import { openTemplate, paramsRequest } from './open';
import { useCell } from './store';

/** Asks for the parameters a template's conditions need and that have no default, then opens the template. */
export function ParamsDialog() {
  const ws = useWorkspace();
  const req = useCell(paramsRequest);
  const [values, setValues] = useState<Record<string, string>>({});
  if (!req) return null;
  const close = () => paramsRequest.set(null);
  const ready = req.ask.every((p) => (values[p.name] ?? p.allowed?.[0] ?? '').trim() !== '');
  const submit = () => {
    const given = Object.fromEntries(req.ask.map((p) => [p.name, values[p.name] ?? p.allowed?.[0] ?? '']));
    setValues({});
    void openTemplate(ws, req.name, req.text, { ...req.params, ...given });
  };
  return (
    <Modal title={`Parameters of "${req.name}"`} onClose={close}>
      <form
        className="flex flex-col gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          if (ready) submit();
        }}
      >
        <p className="m-0">
          These parameters have no default and decide which resources the template creates. Choose their values:
        </p>
        {req.ask.map((p) => (
          <label key={p.name} className="flex flex-col gap-1">
            <span className="font-semibold">
              {p.name} <span className="font-normal opacity-75">(decides condition {p.condition})</span>
            </span>
            {p.description && <span className="text-sm opacity-75">{p.description}</span>}
            {p.allowed?.length ? (
              <select
                className="field"
                value={values[p.name] ?? p.allowed[0]}
                onChange={(e) => setValues({ ...values, [p.name]: e.target.value })}
              >
                {p.allowed.map((a) => (
                  <option key={a}>{a}</option>
                ))}
              </select>
            ) : (
              <input
                className="field"
                value={values[p.name] ?? ''}
                onChange={(e) => setValues({ ...values, [p.name]: e.target.value })}
              />
            )}
          </label>
        ))}
        <div className="flex justify-end gap-2">
          <button type="button" className="btn-ghost" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="btn" disabled={!ready}>
            Open template
          </button>
        </div>
      </form>
    </Modal>
  );
}
