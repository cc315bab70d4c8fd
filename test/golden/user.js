// Mail Setup Wizard: one mail account for a new Thunderbird profile.
// Put this file into an empty profile folder, start Thunderbird once, then delete it:
// Thunderbird applies user.js at every start and would undo later changes.
// No password is stored here; Thunderbird asks for it (or opens the provider’s sign-in
// page) on the first connection.

user_pref("mail.accountmanager.accounts", "account1,account2");
user_pref("mail.accountmanager.defaultaccount", "account1");
user_pref("mail.accountmanager.localfoldersserver", "server2");

user_pref("mail.account.account1.server", "server1");
user_pref("mail.account.account1.identities", "id1");
user_pref("mail.server.server1.type", "imap");
user_pref("mail.server.server1.hostname", "imap.example.com");
user_pref("mail.server.server1.port", 993);
user_pref("mail.server.server1.socketType", 3);
user_pref("mail.server.server1.authMethod", 3);
user_pref("mail.server.server1.userName", "jane@example.com");
user_pref("mail.server.server1.name", "jane@example.com");
user_pref("mail.server.server1.login_at_startup", true);

user_pref("mail.identity.id1.useremail", "jane@example.com");
user_pref("mail.identity.id1.fullName", "Jane Doe");
user_pref("mail.identity.id1.smtpServer", "smtp1");
user_pref("mail.identity.id1.valid", true);

user_pref("mail.smtpservers", "smtp1");
user_pref("mail.smtp.defaultserver", "smtp1");
user_pref("mail.smtpserver.smtp1.hostname", "smtp.example.com");
user_pref("mail.smtpserver.smtp1.port", 587);
user_pref("mail.smtpserver.smtp1.try_ssl", 2);
user_pref("mail.smtpserver.smtp1.authMethod", 3);
user_pref("mail.smtpserver.smtp1.username", "jane@example.com");
user_pref("mail.smtpserver.smtp1.description", "jane@example.com");

user_pref("mail.account.account2.server", "server2");
user_pref("mail.server.server2.type", "none");
user_pref("mail.server.server2.hostname", "Local Folders");
user_pref("mail.server.server2.userName", "nobody");
user_pref("mail.server.server2.name", "Local Folders");
