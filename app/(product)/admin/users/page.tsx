import { pageTitle } from '@/app/pageTitle';
import { SiteHeader } from '@/app/components/SiteHeader';
import { createUserAction, deleteUserAction, updateUserAction } from '../../account/actions';
import { errorMessage, roleDoesKey, roleKey } from '../../account/messages';
import { useLocale, useTranslations } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import { adminOrNull, AdminTabs, NotForYourRole } from '../AdminGate';
import '../../account/account.css';
import { PendingSubmitButton } from '@/app/components/PendingSubmitButton';
import { ROLES, type User } from '@/lib/storage/accountStore';
import { getAccountStore } from '@/lib/storage/storeFromEnv';
import type { Locale } from '@/lib/survey/codebook';
import { nonEmptyParam } from '@/lib/http/searchParams';

export const generateMetadata = pageTitle('users');
export const dynamic = 'force-dynamic';

type SearchParams = Record<string, string | string[] | undefined>;

const formatDate = (iso: string, locale: Locale) => new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(iso));

function RoleSelect({ id, value }: { id: string; value?: string }) {
  const t = useTranslations('account');
  return (
    <select id={id} name="role" defaultValue={value && (ROLES as readonly string[]).includes(value) ? value : 'strategist'}>
      {ROLES.map((role) => (
        <option key={role} value={role}>
          {t(roleKey(role))} – {t(roleDoesKey(role))}
        </option>
      ))}
    </select>
  );
}

function UserRow({ user, me }: { user: User; me: User }) {
  const t = useTranslations('account');
  const locale = useLocale();
  const rowId = `user-${user.id}`;
  return (
    <tr data-username={user.username}>
      <th scope="row">
        {user.username} {user.id === me.id && <span className="muted">{t('you')}</span>}
      </th>
      <td>{t(roleKey(user.role))}</td>
      <td>{formatDate(user.createdAt, locale)}</td>
      <td>
        <form action={updateUserAction}>
          <input type="hidden" name="lang" value={locale} />
          <input type="hidden" name="id" value={user.id} />
          <label className="visually-hidden" htmlFor={`${rowId}-role`}>
            {t('colRole')}: {user.username}
          </label>
          <RoleSelect id={`${rowId}-role`} value={user.role} />
          <label className="visually-hidden" htmlFor={`${rowId}-password`}>
            {t('newPassword')}: {user.username}
          </label>
          <input id={`${rowId}-password`} name="password" type="password" autoComplete="new-password" placeholder={t('newPassword')} minLength={10} maxLength={200} />
          <PendingSubmitButton label={t('save')} pendingLabel={t('saving')} />
        </form>
        {user.id !== me.id && (
          <details>
            <summary aria-label={t('deleteUserLabel', { name: user.username })}>{t('deleteUser')}</summary>
            <form action={deleteUserAction}>
              <input type="hidden" name="lang" value={locale} />
              <input type="hidden" name="id" value={user.id} />
              <span>{t('deleteConfirm', { name: user.username })}</span>
              <button type="submit" className="danger">
                {t('deleteYes')}
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
  const locale = await getLocale();
  const t = await getTranslations('account');
  const me = await adminOrNull(locale, '/admin/users');
  if (!me)
    return (
      <>
        <SiteHeader path="/admin/users" />
        <NotForYourRole />
      </>
    );
  const users = await getAccountStore().listUsers();
  const error = errorMessage(t, nonEmptyParam(params.error));
  // A refused new account comes back with what was typed (not the password) and its message beside the form.
  const createError = nonEmptyParam(params.on) === 'create' ? error : null;
  const typedUsername = createError ? (nonEmptyParam(params.username)?.slice(0, 64) ?? '') : '';
  const typedRole = createError ? nonEmptyParam(params.role) : undefined;
  const created = nonEmptyParam(params.created);
  const updated = nonEmptyParam(params.updated);
  const done = created ? t('created', { name: created }) : updated ? t('updated', { name: updated }) : nonEmptyParam(params.deleted) ? t('deleted') : null;
  return (
    <>
      <SiteHeader path="/admin/users" />
      <main id="main" tabIndex={-1} className="page admin-page" lang={locale}>
        <h1>{t('usersTitle')}</h1>
        <AdminTabs current="users" />
        <p className="lead">{t('usersIntro')}</p>
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
            <caption className="visually-hidden">{t('usersCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('colUser')}</th>
                <th scope="col">{t('colRole')}</th>
                <th scope="col">{t('colCreated')}</th>
                <th scope="col">{t('colChange')}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <UserRow key={user.id} user={user} me={me} />
              ))}
            </tbody>
          </table>
        </div>
        <h2 id="new-account">{t('createTitle')}</h2>
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
          <label htmlFor="new-username">{t('username')}</label>
          <input id="new-username" name="username" type="text" autoComplete="off" required maxLength={64} aria-describedby="new-username-hint" defaultValue={typedUsername} />
          <span id="new-username-hint" className="muted small">
            {t('usernameHint')}
          </span>
          <label htmlFor="new-role">{t('colRole')}</label>
          <RoleSelect id="new-role" value={typedRole} />
          <label htmlFor="new-password">{t('password')}</label>
          <input id="new-password" name="password" type="password" autoComplete="new-password" required minLength={10} maxLength={200} aria-describedby="new-password-hint" />
          <span id="new-password-hint" className="muted small">
            {t('passwordHint')}
          </span>
          <PendingSubmitButton className="button" label={t('createButton')} pendingLabel={t('creating')} testId="create-account" />
        </form>
      </main>
    </>
  );
}
