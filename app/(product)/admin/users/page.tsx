import { pageTitle } from '@/app/pageTitle';
import { SiteHeader } from '@/app/components/SiteHeader';
import { createUserAction, deleteUserAction, updateUserAction } from '../../account/actions';
import { accountText, errorMessage, roleDoes, roleName } from '../../account/messages';
import { adminOrNull, AdminTabs, NotForYourRole } from '../AdminGate';
import '../../account/account.css';
import { PendingSubmitButton } from '@/app/components/PendingSubmitButton';
import { localeFrom } from '@/lib/i18n/messages';
import { ROLES, type User } from '@/lib/storage/accountStore';
import { getAccountStore } from '@/lib/storage/storeFromEnv';
import type { Locale } from '@/lib/survey/codebook';
import { nonEmptyParam } from '@/lib/http/searchParams';

export const generateMetadata = pageTitle('users');
export const dynamic = 'force-dynamic';

type SearchParams = Record<string, string | string[] | undefined>;

const formatDate = (iso: string, locale: Locale) => new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(iso));

function RoleSelect({ locale, id, value }: { locale: Locale; id: string; value?: string }) {
  return (
    <select id={id} name="role" defaultValue={value && (ROLES as readonly string[]).includes(value) ? value : 'strategist'}>
      {ROLES.map((role) => (
        <option key={role} value={role}>
          {roleName(locale, role)} – {roleDoes(locale, role)}
        </option>
      ))}
    </select>
  );
}

function UserRow({ user, me, locale }: { user: User; me: User; locale: Locale }) {
  const rowId = `user-${user.id}`;
  return (
    <tr data-username={user.username}>
      <th scope="row">
        {user.username} {user.id === me.id && <span className="muted">{accountText(locale, 'you')}</span>}
      </th>
      <td>{roleName(locale, user.role)}</td>
      <td>{formatDate(user.createdAt, locale)}</td>
      <td>
        <form action={updateUserAction}>
          <input type="hidden" name="lang" value={locale} />
          <input type="hidden" name="id" value={user.id} />
          <label className="visually-hidden" htmlFor={`${rowId}-role`}>
            {accountText(locale, 'colRole')}: {user.username}
          </label>
          <RoleSelect locale={locale} id={`${rowId}-role`} value={user.role} />
          <label className="visually-hidden" htmlFor={`${rowId}-password`}>
            {accountText(locale, 'newPassword')}: {user.username}
          </label>
          <input id={`${rowId}-password`} name="password" type="password" autoComplete="new-password" placeholder={accountText(locale, 'newPassword')} minLength={10} maxLength={200} />
          <PendingSubmitButton label={accountText(locale, 'save')} pendingLabel={accountText(locale, 'saving')} />
        </form>
        {user.id !== me.id && (
          <details>
            <summary aria-label={accountText(locale, 'deleteUserLabel', { name: user.username })}>{accountText(locale, 'deleteUser')}</summary>
            <form action={deleteUserAction}>
              <input type="hidden" name="lang" value={locale} />
              <input type="hidden" name="id" value={user.id} />
              <span>{accountText(locale, 'deleteConfirm', { name: user.username })}</span>
              <button type="submit" className="danger">
                {accountText(locale, 'deleteYes')}
              </button>
            </form>
          </details>
        )}
      </td>
    </tr>
  );
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const locale = localeFrom(nonEmptyParam(params.lang));
  const me = await adminOrNull(locale, '/admin/users');
  if (!me)
    return (
      <>
        <SiteHeader locale={locale} path="/admin/users" />
        <NotForYourRole locale={locale} />
      </>
    );
  const users = await getAccountStore().listUsers();
  const error = errorMessage(locale, nonEmptyParam(params.error));
  // A refused new account comes back with what was typed (not the password) and its message beside the form.
  const createError = nonEmptyParam(params.on) === 'create' ? error : null;
  const typedUsername = createError ? (nonEmptyParam(params.username)?.slice(0, 64) ?? '') : '';
  const typedRole = createError ? nonEmptyParam(params.role) : undefined;
  const created = nonEmptyParam(params.created);
  const updated = nonEmptyParam(params.updated);
  const done = created ? accountText(locale, 'created', { name: created }) : updated ? accountText(locale, 'updated', { name: updated }) : nonEmptyParam(params.deleted) ? accountText(locale, 'deleted') : null;
  return (
    <>
      <SiteHeader locale={locale} path="/admin/users" />
      <main id="main" tabIndex={-1} className="page admin-page" lang={locale}>
        <h1>{accountText(locale, 'usersTitle')}</h1>
        <AdminTabs locale={locale} current="users" />
        <p className="lead">{accountText(locale, 'usersIntro')}</p>
        {error && !createError && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        {done && !created && (
          <p className="form-done" role="status">
            {done}
          </p>
        )}
        <div className="table-scroll">
          <table className="findings">
            <caption className="visually-hidden">{accountText(locale, 'usersCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{accountText(locale, 'colUser')}</th>
                <th scope="col">{accountText(locale, 'colRole')}</th>
                <th scope="col">{accountText(locale, 'colCreated')}</th>
                <th scope="col">{accountText(locale, 'colChange')}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <UserRow key={user.id} user={user} me={me} locale={locale} />
              ))}
            </tbody>
          </table>
        </div>
        <h2 id="new-account">{accountText(locale, 'createTitle')}</h2>
        {created && (
          <p className="form-done" role="status" data-testid="create-result">
            {done}
          </p>
        )}
        {createError && (
          <p className="form-error" role="alert" data-testid="create-result">
            {createError}
          </p>
        )}
        <form action={createUserAction} className="account-form">
          <input type="hidden" name="lang" value={locale} />
          <label htmlFor="new-username">{accountText(locale, 'username')}</label>
          <input id="new-username" name="username" type="text" autoComplete="off" required maxLength={64} aria-describedby="new-username-hint" defaultValue={typedUsername} />
          <span id="new-username-hint" className="muted small">
            {accountText(locale, 'usernameHint')}
          </span>
          <label htmlFor="new-role">{accountText(locale, 'colRole')}</label>
          <RoleSelect locale={locale} id="new-role" value={typedRole} />
          <label htmlFor="new-password">{accountText(locale, 'password')}</label>
          <input id="new-password" name="password" type="password" autoComplete="new-password" required minLength={10} maxLength={200} aria-describedby="new-password-hint" />
          <span id="new-password-hint" className="muted small">
            {accountText(locale, 'passwordHint')}
          </span>
          <PendingSubmitButton className="button" label={accountText(locale, 'createButton')} pendingLabel={accountText(locale, 'creating')} testId="create-account" />
        </form>
      </main>
    </>
  );
}
