"""Webmail phishing, the IT desk's notice that no mail service sends: keep your current password,
re-validate your webmail account, retrieve undelivered messages, an upgrade of all email accounts,
sign in with your email to view a document; a mailbox, an email account or the service desk as the
party. Genuine mail and IT notices with the same words stay quiet (a full mailbox to clean up, a
password to change the usual way, maintenance, quarantine at the official site), and so does a
security notice's 'if this wasn't you, contact us' with no money in it: the unshown number a disputed
charge is called on is a charge's, not a password change's.

Probe grid written for this change, not copied from any data set.
"""

from __future__ import annotations

import pytest

from tests.detect.text_support import check, codes

SCAMS = [
    "Dear Staff, your Office 365 password will expire in 24 hours. Click here to keep the same password.",
    "IT Service Desk: We are upgrading all email accounts. Verify your account to avoid deactivation.",
    "Your mailbox has reached its storage limit. You will not be able to send or receive emails until you upgrade.",
    "Dear user, your webmail account needs to be re-validated. Follow the link to continue using your account.",
    "Your university email will be deactivated today. Please verify your credentials to continue.",
    "Action required: your Microsoft account password has expired. Update it now to avoid losing access.",
    "Message delivery failure: 4 incoming emails could not be delivered. Retrieve your messages here.",
    "Your Dropbox has a shared document waiting for you. Sign in with your email to view.",
]

GENUINE = [
    "Your mailbox is almost full. Please delete old emails to free up space.",
    "Your password will expire in 5 days. Change it by pressing Ctrl+Alt+Del on your work computer.",
    "IT Service Desk: scheduled maintenance of the mail server on Saturday 10pm-2am. Email may be unavailable.",
    "Your new email account is ready. Sign in at outlook.com with your university ID.",
    "You have 3 new messages in quarantine. Review them at security.microsoft.com.",
    "Welcome to your student email! Your mailbox has 50 GB of storage.",
    "Your mailbox storage is 90% used. Archive old messages or upgrade your plan in settings.",
    "Retrieve your parcel from the locker with code 4821.",
    "Your email password was changed. If this wasn't you, contact the service desk on extension 4400.",
    "Chase: your password was changed. If this wasn't you, contact us.",
    "Your Netflix password was changed. If this wasn't you, contact the help desk.",
]


@pytest.mark.parametrize("text", SCAMS)
def test_webmail_phishing_warns(text):
    assert check(text).level in ("caution", "danger"), codes(check(text))


@pytest.mark.parametrize("text", GENUINE)
def test_genuine_mail_and_security_notices_stay_quiet(text):
    result = check(text)
    assert result.level == "none", codes(result)
