import { PRINT_WORDS } from '../procedure-form/print-words.js';
import { useSettings } from './settings-store.js';

const W = PRINT_WORDS.department;

/** Settings → Department: the name, address and phone printed at the top of the record and the aftercare sheet. */
export function DepartmentPanel() {
  const settings = useSettings((state) => state.settings);
  if (!settings) return null;
  const { department } = settings;
  return (
    <form
      className="form-section"
      aria-labelledby="settings-department"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        void useSettings.getState().update({
          department: {
            name: String(form.get('name') ?? ''),
            address: String(form.get('address') ?? ''),
            phone: String(form.get('phone') ?? ''),
          },
        });
      }}
    >
      <h2 id="settings-department">{W.title}</h2>
      <p className="hint">{W.hint}</p>
      <div className="row">
        <div className="text-field wide" data-field="department.name">
          <label htmlFor="department-name">{W.name}</label>
          <input id="department-name" name="name" defaultValue={department.name} />
        </div>
        <div className="text-field" data-field="department.phone">
          <label htmlFor="department-phone">{W.phone}</label>
          <input id="department-phone" name="phone" inputMode="tel" defaultValue={department.phone} />
        </div>
      </div>
      <div className="text-field wide" data-field="department.address">
        <label htmlFor="department-address">{W.address}</label>
        <textarea id="department-address" name="address" rows={3} defaultValue={department.address} />
      </div>
      <button type="submit" className="primary">
        {W.save}
      </button>
    </form>
  );
}
