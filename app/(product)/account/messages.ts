import { translator } from '@/lib/i18n/messages';
import type { Label, Locale } from '@/lib/survey/codebook';

/** Texts of sign-in, first-time setup, the account menu and the admin pages, in English and Dutch. */
export const accountMessages = {
  signIn: { en: 'Sign in', nl: 'Inloggen' },
  signOut: { en: 'Sign out', nl: 'Uitloggen' },
  signedInAs: { en: 'Signed in as {name} ({role})', nl: 'Ingelogd als {name} ({role})' },
  setupLink: { en: 'Create the admin account', nl: 'Beheerdersaccount aanmaken' },
  username: { en: 'Username', nl: 'Gebruikersnaam' },
  password: { en: 'Password', nl: 'Wachtwoord' },
  passwordRepeat: { en: 'Password again', nl: 'Wachtwoord nogmaals' },
  passwordHint: { en: 'At least 10 characters.', nl: 'Minstens 10 tekens.' },
  usernameHint: { en: 'Letters, digits and . _ @ - (at most 64).', nl: 'Letters, cijfers en . _ @ - (hoogstens 64).' },
  loginTitle: { en: 'Sign in', nl: 'Inloggen' },
  signInTitle: { en: 'Sign in to see this dataset', nl: 'Log in om deze dataset te zien' },
  signInText: {
    en: 'Uploaded datasets belong to an analyst’s client and are visible to signed-in users only. The reference studies stay open to everyone.',
    nl: 'Geüploade datasets horen bij de klant van een analist en zijn alleen zichtbaar voor wie is ingelogd. De referentieonderzoeken blijven voor iedereen open.',
  },
  loginIntro: {
    en: 'The reference studies are open to everyone. Uploaded datasets belong to an analyst’s client: sign in to see them, and as an analyst to upload or delete.',
    nl: 'De referentieonderzoeken zijn voor iedereen toegankelijk. Geüploade datasets horen bij de klant van een analist: log in om ze te zien, en als analist om te uploaden of te verwijderen.',
  },
  loginNeededFor: { en: 'Sign in to continue to {path}.', nl: 'Log in om verder te gaan naar {path}.' },
  setupTitle: { en: 'Welcome: create the admin account', nl: 'Welkom: maak het beheerdersaccount aan' },
  setupIntro: {
    en: 'This installation has no accounts yet. The first account is the administrator, who then creates accounts for analysts, strategists and executives. (Accounts can also be made on the server: npm run user:create.)',
    nl: 'Deze installatie heeft nog geen accounts. Het eerste account is de beheerder, die daarna accounts aanmaakt voor analisten, strategen en managers. (Accounts kunnen ook op de server worden gemaakt: npm run user:create.)',
  },
  setupButton: { en: 'Create the admin account and sign in', nl: 'Beheerdersaccount aanmaken en inloggen' },
  setupDone: { en: 'There are accounts already: sign in instead.', nl: 'Er zijn al accounts: log in.' },
  errInvalid: { en: 'The username or password is not right.', nl: 'De gebruikersnaam of het wachtwoord klopt niet.' },
  errThrottled: {
    en: 'Too many failed attempts for this username. Try again in {minutes} minutes.',
    nl: 'Te veel mislukte pogingen voor deze gebruikersnaam. Probeer het over {minutes} minuten opnieuw.',
  },
  errBadUsername: { en: 'Choose a username of 1 to 64 letters, digits or . _ @ -.', nl: 'Kies een gebruikersnaam van 1 tot 64 letters, cijfers of . _ @ -.' },
  errBadRole: { en: 'Choose one of the four roles.', nl: 'Kies een van de vier rollen.' },
  errPasswordTooShort: { en: 'The password needs at least 10 characters.', nl: 'Het wachtwoord heeft minstens 10 tekens nodig.' },
  errPasswordTooLong: { en: 'The password may have at most 200 characters.', nl: 'Het wachtwoord mag hoogstens 200 tekens hebben.' },
  errMismatch: { en: 'The two passwords differ.', nl: 'De twee wachtwoorden verschillen.' },
  errUsernameTaken: { en: 'That username is taken.', nl: 'Die gebruikersnaam is al in gebruik.' },
  errNotFirstUser: { en: 'The admin account exists already: sign in.', nl: 'Het beheerdersaccount bestaat al: log in.' },
  errLastAdmin: { en: 'The last admin cannot lose the admin role or be deleted.', nl: 'De laatste beheerder kan de beheerdersrol niet verliezen en niet worden verwijderd.' },
  errNotFound: { en: 'That account no longer exists.', nl: 'Dat account bestaat niet meer.' },
  errSelf: { en: 'You cannot delete your own account; another admin can.', nl: 'Je kunt je eigen account niet verwijderen; een andere beheerder kan dat.' },
  roleAdmin: { en: 'Admin', nl: 'Beheerder' },
  roleAnalyst: { en: 'Analyst', nl: 'Analist' },
  roleStrategist: { en: 'Strategist', nl: 'Strateeg' },
  roleExecutive: { en: 'Executive', nl: 'Manager' },
  roleAdminDoes: { en: 'manages accounts; can do everything', nl: 'beheert accounts; kan alles' },
  roleAnalystDoes: { en: 'uploads, maps and deletes datasets', nl: 'uploadt, koppelt en verwijdert datasets' },
  roleStrategistDoes: { en: 'explores and plans on every dataset', nl: 'verkent en plant op elke dataset' },
  roleExecutiveDoes: { en: 'reads the summary of every dataset', nl: 'leest de samenvatting van elke dataset' },
  forbiddenTitle: { en: 'Not for your role', nl: 'Niet voor jouw rol' },
  forbidden: { en: 'This page needs the {role} role. You are signed in as {name} ({own}).', nl: 'Deze pagina vereist de rol {role}. Je bent ingelogd als {name} ({own}).' },
  usersTitle: { en: 'Accounts', nl: 'Accounts' },
  usersIntro: { en: 'Who may sign in, and what each may do.', nl: 'Wie mag inloggen, en wat ieder mag doen.' },
  usersCaption: { en: 'Accounts', nl: 'Accounts' },
  colUser: { en: 'Username', nl: 'Gebruikersnaam' },
  colRole: { en: 'Role', nl: 'Rol' },
  colCreated: { en: 'Created', nl: 'Aangemaakt' },
  colChange: { en: 'Change', nl: 'Wijzigen' },
  newPassword: { en: 'New password (optional)', nl: 'Nieuw wachtwoord (optioneel)' },
  save: { en: 'Save', nl: 'Opslaan' },
  deleteUser: { en: 'Delete', nl: 'Verwijderen' },
  deleteUserLabel: { en: 'Delete the account {name}', nl: 'Account {name} verwijderen' },
  deleteConfirm: { en: 'Delete the account {name}? They are signed out at once.', nl: 'Account {name} verwijderen? Die persoon wordt meteen uitgelogd.' },
  deleteYes: { en: 'Yes, delete', nl: 'Ja, verwijderen' },
  cancel: { en: 'Cancel', nl: 'Annuleren' },
  createTitle: { en: 'New account', nl: 'Nieuw account' },
  createButton: { en: 'Create account', nl: 'Account aanmaken' },
  created: { en: 'Account {name} created.', nl: 'Account {name} aangemaakt.' },
  updated: { en: 'Account {name} saved.', nl: 'Account {name} opgeslagen.' },
  deleted: { en: 'Account deleted.', nl: 'Account verwijderd.' },
  you: { en: '(you)', nl: '(jij)' },
  auditTitle: { en: 'Audit log', nl: 'Auditlog' },
  auditIntro: {
    en: 'Every upload and delete, every sign-in and every account change: who, when and what. Newest first.',
    nl: 'Elke upload en verwijdering, elke aanmelding en elke accountwijziging: wie, wanneer en wat. Nieuwste eerst.',
  },
  auditCaption: { en: 'Audit log, newest first', nl: 'Auditlog, nieuwste eerst' },
  colWhen: { en: 'When', nl: 'Wanneer' },
  colWho: { en: 'Who', nl: 'Wie' },
  colAction: { en: 'Action', nl: 'Actie' },
  colTarget: { en: 'On', nl: 'Op' },
  colDetail: { en: 'Details', nl: 'Details' },
  nobody: { en: '(not signed in)', nl: '(niet ingelogd)' },
  olderEntries: { en: 'Older entries', nl: 'Oudere regels' },
  auditEmpty: { en: 'Nothing recorded yet.', nl: 'Nog niets vastgelegd.' },
  adminNav: { en: 'Admin', nl: 'Beheer' },
  creating: { en: 'Creating…', nl: 'Bezig…' },
  saving: { en: 'Saving…', nl: 'Bezig…' },
  signingIn: { en: 'Signing in…', nl: 'Bezig met inloggen…' },
  accountTitle: { en: 'Your account', nl: 'Je account' },
  accountWho: { en: 'You are signed in as {name}.', nl: 'Je bent ingelogd als {name}.' },
  accountRole: { en: 'Role: {role} ({does}).', nl: 'Rol: {role} ({does}).' },
  accountRoleNote: { en: 'An admin can change your role.', nl: 'Een beheerder kan je rol wijzigen.' },
  changePasswordTitle: { en: 'Change your password', nl: 'Je wachtwoord wijzigen' },
  currentPassword: { en: 'Current password', nl: 'Huidig wachtwoord' },
  ownNewPassword: { en: 'New password', nl: 'Nieuw wachtwoord' },
  ownNewPasswordRepeat: { en: 'New password again', nl: 'Nieuw wachtwoord nogmaals' },
  changePasswordButton: { en: 'Change password', nl: 'Wachtwoord wijzigen' },
  changingPassword: { en: 'Changing…', nl: 'Bezig…' },
  passwordChanged: {
    en: 'Your password has been changed. Use the new one the next time you sign in.',
    nl: 'Je wachtwoord is gewijzigd. Gebruik voortaan het nieuwe wachtwoord om in te loggen.',
  },
  signOutTitle: { en: 'Sign out', nl: 'Uitloggen' },
  signOutText: { en: 'Ends your session on this browser.', nl: 'Beëindigt je sessie in deze browser.' },
  errWrongPassword: { en: 'Your current password is not right.', nl: 'Je huidige wachtwoord klopt niet.' },
  errSamePassword: { en: 'The new password is the same as the current one: choose another.', nl: 'Het nieuwe wachtwoord is hetzelfde als het huidige: kies een ander.' },
} satisfies Record<string, Label>;

export type AccountMessageKey = keyof typeof accountMessages;

export const accountText = translator(accountMessages);

const ROLE_KEYS = { admin: 'roleAdmin', analyst: 'roleAnalyst', strategist: 'roleStrategist', executive: 'roleExecutive' } as const;
export const roleName = (locale: Locale, role: keyof typeof ROLE_KEYS): string => accountText(locale, ROLE_KEYS[role]);
const ROLE_DOES = { admin: 'roleAdminDoes', analyst: 'roleAnalystDoes', strategist: 'roleStrategistDoes', executive: 'roleExecutiveDoes' } as const;
export const roleDoes = (locale: Locale, role: keyof typeof ROLE_DOES): string => accountText(locale, ROLE_DOES[role]);

/** The message for an error code carried in a URL (?error=...), or null for an unknown code. */
export function errorMessage(locale: Locale, code: string | undefined, vars: Record<string, string | number> = {}): string | null {
  const key = `err${code ?? ''}` as AccountMessageKey;
  return code && /^[A-Za-z]{1,30}$/.test(code) && key in accountMessages ? accountText(locale, key, vars) : null;
}
