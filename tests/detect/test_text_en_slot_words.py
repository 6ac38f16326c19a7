"""English notice slots in other words: the same scripts as the tuned ones, said differently.

Written from the slot model of each family (who speaks, what happened, what to do, by when, through
which channel), not from any data set's wording: a sender named after 'from' ('Fraud Alert from
Capital One:'), a question in place of 'if you did not' ('Did you attempt a purchase…? If NO call…'),
a freeze done to you ('we had to freeze your online banking'), benefits stopped, a parcel seized with
drugs, a package 'waiting for you', a penalty notice and a car to be clamped, a robocall handing you
to 'a representative', the tech-support caller's own words (a 'security problem', 'so our technician
can access your computer', 'read me the number on your screen'), the gift cards' codes read out and
the cashier kept out of it, a fee sent for a prize. Beside them, genuine texts with the same words
stay quiet: bank fraud alerts asking YES or NO, code messages, delivery and renewal notices on the
brand's own site, and reminders that report what a caller says ('if a caller says we had to freeze
your account, hang up').

Probe grid written for this change, not copied from any data set.
"""

from __future__ import annotations

import pytest

from tests.detect.text_support import check, codes

SCAMS = [
    # who speaks: the sender after 'from'; the question a fake alert asks; 'if NO' is a condition
    "Fraud Alert from Capital One: Did you attempt a purchase of $1,140 at Target? If NO call 1-844-220-6621 immediately.",
    "Walmart order #W28833 for a PlayStation 5 will ship today. Didn't order it? Call our fraud line at 1 (844) 210-5531.",
    # what happened, in other words
    "We had to freeze your online banking. Call 210-555-1188 to get access back.",
    "your social security benefits will be stopped until we verify your identity.",
    "This call is from the US Customs office. A parcel in your name containing illegal drugs has been seized at the border.",
    "We have found a package from May waiting for you. Please confirm delivery here.",
    "Please press 1 to speak with a representative if you did not approve this purchase.",
    "Reminder: unpaid tolls must be paid by the due date. Non-payment may result in suspension of your registration "
    "and more fines.",
    "The DVSA: your penalty charge notice is due. If not paid your vehicle may be clamped. Enter your licence details here.",
    "Your storage is full and 4 emails are pending. Increase your mailbox capacity by clicking below.",
    # the tech-support call in its own words
    "Your computer has a serious security problem. I will help you fix it.",
    "The hackers have accessed your bank account through your computer.",
    "You need to download this software so our technician can access your computer and fix the problem.",
    "Read me the nine-digit number that appears on your screen.",
    "Scratch the back of the card and read me the numbers.",
    "Don't tell the store clerk what the gift cards are for.",
    "We are from Geek Squad. Your computer protection plan is expiring and will be renewed for $499 unless you cancel.",
    "Please log into your online banking so I can check whether the hackers stole money.",
    # a fee sent for a prize
    "You are the lucky winner of our weekly draw. Send a $200 processing fee to receive your prize.",
    # the second half of a script on its own: the ask, the link, the key to press
    "To unlock your account, click here: http://reac.mobi/@mobile",
    "If you are the one using Microsoft Windows on your computer, please press 7 now to speak with the security team.",
    "Gift card companies' contacts: Amazon Call +1 (888) 769-5428 for refunds.",
    # the first half on its own: who speaks and what happened
    "Attention! This call is from the Federal Reserve to notify you that we have found some suspicious activities in "
    "your financial transaction.",
    "The Toll Roads Notice of Toll Evasion: You have an unpaid toll bill on your account.",
    # an office introducing itself with a problem of yours (offices write; they do not call first)
    "This is the IRS. You owe back taxes and a lawsuit has been filed against you.",
    "This call is from U.S. Customs and Border Protection. A package under your name has been seized.",
    "Hi, this is the DMV. Your driver's license will be suspended due to unpaid tickets.",
    "This is Medicare calling. We're issuing new cards and need to confirm your Medicare number and bank details.",
    "HR: Please review the attached document and login with your email credentials to view it.",
    # the spine: a listed brand speaks (or your thing at the brand is the subject), gives a line that is
    # not among the brand's listed lines, and asks you to call it, with no other story
    "Amazon: please call 1-844-220-6621 regarding your recent order.",
    "Chase: an important matter requires your attention. Call 1-844-220-6621.",
    "Coinbase: your withdrawal is pending approval. Contact support at 1-844-220-6621.",
    "Regarding your Amazon order, please call 1-844-220-6621.",
    "Hello, there is a problem with your PayPal account. Please call 1-844-220-6621.",
    # ... or sends you to a site that is not its own to confirm, review or update something of yours
    "Apple: Confirm your Apple ID information: https://id-confirm-center.com",
    "Chase: Please review your account at https://secure-review-center.com",
    "Royal Mail: Please schedule your delivery: rm-schedule.info",
    # the account, card or line done to, in other participles
    "Dear customer, your account has been terminated. Call 1-844-220-6621 now.",
    "Your account has been blacklisted. Please verify your details here: secure-acct-check.com",
    "Bank of America: your card has been revoked. Call 1-844-220-6621.",
    # the reader's own mail going on is no report of others receiving it
    "Your mailbox will be deactivated. Verify your account to continue receiving emails.",
    # a charge with 'customer service' (a desk, no one's name) to call about it; money taken without your say
    "Your account will be debited $499.00 for the annual service charge. If you wish to dispute, call customer "
    "service at 1-877-331-2210.",
    "Unauthorized withdrawal detected on your checking account. Call 1-833-555-0142 immediately.",
    "Your Navy Federal account has been placed under review. Verify your information within 24 hours.",
    # offices: allegations against you, a tax return in doubt, a toll road used without a pass
    "This is the IRS Criminal Investigation division. There are four serious allegations pending against you. Call "
    "us back immediately.",
    "HMRC: We have noticed irregularities in your tax return. Legal proceedings will begin unless you call 0203 769 4411.",
    "Your vehicle was recorded on a toll road without a valid transponder. Pay the $6.99 toll now to avoid penalties.",
    # a parcel held for a fee or for payment details
    "DHL: Your shipment is pending. Confirm your details and pay the 2.99 EUR processing fee.",
    "Your Amazon package could not be delivered. We need you to confirm your payment details to rearrange delivery.",
    # an account flagged, to be banned, held
    "Your Facebook account has been flagged for suspicious login. Confirm it's you to keep using Facebook.",
    "Security notice: your WhatsApp account will be banned. Click to appeal.",
    "We have put a hold on your account until you verify your information.",
    # utilities, rewards and prizes: a cut-off on its way, money owed to you, points turned into cash
    "This is your electric company. Your account is 2 months behind. A disconnection crew is on the way. Pay now to "
    "avoid disconnection.",
    "Your water service will be disconnected tomorrow because of an overdue balance. Pay immediately to keep your "
    "service.",
    "British Gas: Following a review, you are due a refund of £198.45. Submit your claim online.",
    "Vodafone: Your account has 15,500 loyalty points that will expire tomorrow. Redeem them for cash today.",
    "Apple: You have been randomly selected to test the new iPhone. Claim yours.",
    "M-PESA confirmed. You have received Ksh 3,500 from JOHN DOE. New balance Ksh 4,210. Please send it back, it was "
    "a mistake.",
    # a toll-free number spelled in capitals
    "Apple Support: your iCloud has been locked. Call 1-888-ICLOUD-HELP now to unlock it.",
    "Norton renewal of $399 processed. To cancel call 1-866-GO-NORTON.",
]

GENUINE = [
    # bank fraud alerts that ask YES or NO, with no link and no number of their own
    "Chase Fraud Alert: Did you use card ending 1234 for $52.10 at SHELL OIL on 03/14? Reply YES or NO. To opt out reply STOP.",
    "Wells Fargo: Did you attempt a purchase of $1,200.00 at BESTBUY on card ending 5678? Reply YES or NO.",
    "Credit Union Alert: Did you attempt a wire transfer of $4,690.00? Reply YES or NO.",
    "Bank of America: Did you just send a Zelle payment of $350 to Maria? Reply YES if you did, NO if you didn't.",
    "Barclays: Did you make a payment of £62.00 to TESCO? Reply Y if it was you or N if not. We'll never ask for your PIN.",
    # code messages, delivery and renewal notices on the brand's own site
    "Your Amazon verification code is 482913. Don't share this code with anyone.",
    "Your Chase one-time code is 772190. We'll never call you to ask for this code.",
    "USPS: Your package 9400 1000 0000 0000 0000 00 was delivered at 2:14 pm. Track at usps.com",
    "Royal Mail: Your parcel from ASOS will arrive today between 10:00 and 11:00. Track it at royalmail.com",
    "Your Netflix subscription renews on March 3 for $15.49. Manage your plan at netflix.com/account.",
    "Your Apple One subscription renews tomorrow. To cancel, go to Settings on your iPhone.",
    "Your points balance is 12,400. Points expire 31 Dec. Redeem in the app.",
    "Your package could not be delivered today because no one was available to sign. We will try again tomorrow.",
    # a bank's fraud alert answered in the thread: reply Y or N
    "Bank of America: Unusual activity on card ending 1234. Reply Y if you made a $600.00 purchase at Target, N if not.",
    "Santander: We've noticed an unusual payment of £320.00 to AMAZON. Was this you? Reply YES or NO.",
    "HSBC UK: A new payee was added to your account. If this wasn't you, call us on 03457 404 404.",
    "Amazon: Sign-in attempt from a new device. If this was you, no action needed. If not, change your password at "
    "amazon.com.",
    # a card issuer's alert sending you to the number on the back of your card
    "We've detected unusual activity on your account and have temporarily blocked your card. Please call us on the "
    "number on the back of your card.",
    "Your points balance is 12,400. Points expire 31 Dec. Redeem in the app.",
    # a parcel redelivered for an address, or a duty paid on the courier's own site
    "Your package could not be delivered. Please confirm your address and we will try again tomorrow.",
    "DHL: Your shipment is pending customs clearance. Duties of £12.40 are due. Pay securely at dhl.co.uk",
    "Facebook: We noticed a suspicious login to your account. If this wasn't you, secure your account at "
    "facebook.com/hacked.",
    "Your account was flagged by our system and is under review. We will email you within 2 days. No action is needed.",
    "We have placed a hold on your account as you requested. Call us at 1-800-935-9935 to remove it.",
    # the brand's own sites and short links
    "Amazon: Your order has shipped. Track it at amazon.com/orders",
    "Netflix: Update your payment method at netflix.com/youraccount",
    # the brand's own listed lines
    "Chase: your statement is ready. Questions? Call 1-800-935-9935.",
    "Regarding your Amazon order, please call 1-888-280-4331.",
    # the brand's own vanity number; advice about what the reader may one day notice
    "For help with your order, call Apple at 1-800-MY-APPLE.",
    "Call 1-800-FLOWERS to send a bouquet.",
    "If you notice suspicious transactions on your account, call us right away at 1-800-555-0199.",
    "If you see any unauthorized charges on your card, call us at 1-800-555-0199.",
    "If you think your account has been compromised, contact us at 1-800-555-0199 immediately.",
    "This is the IRS reminding you that the filing deadline is April 15. File at irs.gov.",
    "I called the IRS and they said my refund is delayed.",
    "The IRS will never call you to say you owe back taxes. Hang up.",
    # an office's own reminder of a debt, with its own account to pay into; how a summons really comes
    "Your CERB must be repaid by December 31. Make a payment through your CRA My Account or online banking.",
    "A court summons is delivered in person or by mail, never by text message.",
    "HMRC will never call you to say there are irregularities in your tax return or threaten legal proceedings.",
    "Scammers claim there are allegations pending against you and ask you to pay by gift card. The IRS never does this.",
    "Toll scam texts say you drove without a valid transponder. Check your account only at the agency's website.",
    # reminders with the same words
    "If a caller says we had to freeze your account, hang up and call us on 0800 056 0056.",
    "If you get a call saying a package in your name has been seized by customs with illegal drugs, it is a scam. Hang up.",
    "Watch out for robocalls saying your Social Security benefits will be stopped. SSA will never threaten you.",
    "We will never ask you to press 1 to speak with a representative about a purchase you did not approve.",
    "Beware of fake penalty charge notices asking you to pay online to avoid your car being clamped.",
    "Scammers send emails saying emails are pending in your mailbox and ask you to log in to release them. Delete them.",
    "Scammers may pose as a representative of Microsoft and ask to connect to your computer. Microsoft will never do "
    "that. Learn more at microsoft.com/security.",
    "Don't fall for it: criminals say you must buy gift cards and read them the claim code. Report it at ftc.gov.",
    "Fraudsters may say they had to freeze your account and ask you to move your money. Your bank will never do this.",
    "Protect yourself: if someone claims your subscription renews today and asks you to call a number for a refund, "
    "it's a scam.",
]


@pytest.mark.parametrize("text", SCAMS)
def test_the_scripts_in_other_words_warn(text):
    result = check(text)
    assert result.level in ("caution", "danger"), codes(result)


@pytest.mark.parametrize("text", GENUINE)
def test_genuine_texts_and_reminders_with_the_same_words_stay_quiet(text):
    result = check(text)
    assert result.level == "none", codes(result)


def test_a_vanity_number_is_read_by_the_keypad_and_only_in_capitals():
    from kefuguard.detect.text.entities import extract_numbers
    from kefuguard.detect.text.normalize import clean_text, fold_text

    def numbers(text):
        cleaned = clean_text(text)
        return [(e.key, cleaned[e.start : e.end]) for e in extract_numbers(fold_text(cleaned), cleaned, [], [])]

    assert numbers("Call 1-800-FLOWERS to order") == [("18003569377", "1-800-FLOWERS")]
    assert numbers("1-833-SOS-HELP is fake") == [("18337674357", "1-833-SOS-HELP")]
    assert numbers("call 1 800 my apple now") == []  # lower case: words, not a number
    assert numbers("Room 800 is booked") == []


def test_every_warning_names_its_rule_in_both_languages():
    for text in SCAMS:
        for reason in check(text).reasons:
            assert reason.message and reason.message_zh, (text, reason.code)
