"""Wider notice words that any such notice uses (some in fragments a source quotes without their
channel): an order disputed by a question ('Not you? Call …',
'Was this you?'), a fee a parcel waits for ('postal fees', 'customs charges'), money you are told is
yours ('you are entitled to a $50 credit'), a prize won ('your number has won'), a transaction
called fraudulent, error reports from your computer. Genuine texts with the same words (a bank's
'Not you? Call' alert with its own number or a debit alert of its own, a shop's free delivery,
a fare's compensation with no channel, a reply-YES fraud alert) stay quiet.

Probe grid written for this change, not copied from any data set.
"""

from __future__ import annotations

import pytest

from tests.detect.text_support import check, codes

SCAMS = [
    "Your Amazon order #402-1123 for an iPhone 15 ($1,299) has been placed. Not you? Call 1-844-557-9024.",
    "Amazon: your order of an iPhone 15 for $1,299 has been placed. Not you? Call 1-844-557-9024.",
    "Your invoice of $499.99 for Norton 360 has been paid. Was this you? If not, call +1 (888) 405-7721.",
    "You have a parcel waiting. You need to pay 2 KD postal fees through the attached link.",
    "Your package could not be delivered due to unpaid shipping fees. Please pay the $1.99 fee here.",
    "Congratulations! Your mobile number has won £850,000 in the UK National Lottery. To claim, email "
    "claims@uknl-award.com",
    "As a valued customer you are entitled to a $50 credit for the recent outage. Claim it via the link below.",
    "Chase: fraudulent transactions were detected on your card. Call 1-888-991-4526 now.",
    "Hello, I'm calling from Microsoft. We have received error reports from your computer.",
    "eBay: Your purchase of an iPhone 14 Pro for $1,099 is being processed. Not your order? Call 1-877-242-0019.",
    # fragments a source quotes without the channel: a party, a hallmark state, a threat
    "IRS: you have an outstanding tax balance. Legal action will be taken against you.",
    "HMRC: you are due a tax refund of £458.22.",
    "Your Microsoft 365 subscription has expired. Your files will be deleted.",
    "USCIS office: your case is on hold. Call 1-202-555-0188 immediately to avoid deportation.",
]

GENUINE = [
    "Chase: A $300 Zelle payment was sent from your account. Not you? Call 1-800-935-9935.",
    "Amazon: Your order of Echo Dot has shipped. Track your package at amazon.com/orders. Not you? Visit "
    "amazon.com/security.",
    "INR 500.00 debited from a/c xx1234 to SHOP UPI 0000000000. Not you? Call 18001234567 or SMS BLOCK to "
    "9800000000. Bal INR 2,000.00",
    "Citi Alert: Did you make a $45.00 purchase at TARGET? Reply Y for Yes, N for No. Msg&data rates may apply.",
    "Capital One: unusual purchase of $452.10 at BESTBUY.COM on card ending 4521. Was this you? Reply YES or NO.",
    "Royal Mail: a fee of £1.45 is due on your parcel. Pay at royalmail.com/fee-to-pay or at a Post Office.",
    "Free delivery on all orders over $50 this weekend. No delivery fee, no minimum. Shop now.",
    "Uber Eats: $0 delivery fee on your next 3 orders. Offer ends Sunday.",
    "Your flight was delayed by more than 3 hours. You are entitled to compensation under EU261. We'll contact "
    "you by email.",
    "As the outage lasted more than 12 hours, you are entitled to a credit on your next bill. No action is needed.",
    "Congratulations to our staff: the team has won the regional customer service award!",
    "Lottery results: the winning numbers for Saturday are 4, 12, 19, 33, 41, 45.",
    "Your parcel is at the Post Office depot. A storage fee applies after 14 days. Collect it with your ID.",
    "There is a problem with your order. Please contact us at support@shop.com.",
    "Your credit card statement is ready: outstanding balance $1,234.56, minimum payment due 12/05.",
    "Bank of America: your tax refund of $1,234 was deposited to your account ending 1234.",
    "Google: your inactive account will be deleted on 1 June. Sign in to keep it.",
    "Your parcel from China is held: import duty of £4.20 is due. We'll send a card with how to pay.",
    "Congratulations to Maria, selected as the winner of our employee of the month!",
    "TurboTax: You're due a tax refund of $412! File your return today in the TurboTax app.",
    "We only ever contact customers who are due a tax refund in writing by post. We don't use texts.",
    "Wells Fargo: we noticed an unusual sign-in to your account. If this was you, no action needed. If not, call "
    "1-866-867-5568.",
]


@pytest.mark.parametrize("text", SCAMS)
def test_the_notices_in_other_words_warn(text):
    assert check(text).level in ("caution", "danger"), codes(check(text))


@pytest.mark.parametrize("text", GENUINE)
def test_genuine_texts_with_the_same_words_stay_quiet(text):
    result = check(text)
    assert result.level == "none", codes(result)


# a party's hallmark state said of the reader's thing right after the verb ('we have suspended your
# card'), and what only one office or provider runs (online banking, a vehicle's registration)
FRAGMENTS = [
    "Bank of America alert: we have suspended your debit card due to suspicious activity.",
    "Your online banking has been deactivated. Reactivate now.",
    "Your vehicle registration is overdue. Pay now to avoid a fine.",
    "We've noticed some unusual activity on your account and have temporarily restricted it.",
    "Your electricity will be disconnected in 30 minutes unless you pay your overdue bill.",
]

FRAGMENTS_GENUINE = [
    "Your electricity bill is overdue. Pay now in the app to avoid a late fee.",
    "Your online banking password was changed. If this was you, no action is needed.",
    "Your driver's license expires next month. Renew online at dmv.ca.gov.",
    "Reminder: your water bill of $45.20 is due on 5 June.",
    "We have updated your online banking terms. Read them in the app.",
    "Chase: we have locked your card as you requested. Unlock it in the app.",
    "Your vehicle tax is due. You can renew at gov.uk/vehicle-tax",
    "Your electricity will be off between 9am and 12pm tomorrow for maintenance.",
    "Your password expires in 5 days. Change it in the Settings app.",
    "Your electricity bill is ready: $82.10, due 14 May.",
]


@pytest.mark.parametrize("text", FRAGMENTS)
def test_a_partys_hallmark_state_of_your_thing_warns(text):
    assert check(text).level in ("caution", "danger"), codes(check(text))


@pytest.mark.parametrize("text", FRAGMENTS_GENUINE)
def test_the_same_offices_ordinary_reminders_stay_quiet(text):
    result = check(text)
    assert result.level == "none", codes(result)


# a prize won with an amount, a verification 'required' of a bank's account, a fine not paid with a
# department and a threat; a link whose scheme has junk put in it ('ht{brake!}tps://')
MORE_SCAMS = [
    "You won $5,000! Call 0835161978 to claim.",
    "Congratulations! You won a brand new car! Claim at prize-car.top",
    "Chase Bank Urgent Notice: Verification Required for Account Security",
    "Our enforcement department has noted that your fine has still not been paid. Failure to pay could result "
    "in prosecution.",
    "Chase: a transfer of $210 has been accepted. If you don't recognize it, please report online at ht{x!}tps://rb.gy/ab12cd",
    "Hulu not working? Call our customer service number +1-855-979-6456 anytime.",
]

MORE_GENUINE = [
    "eBay: Congratulations, you won the item 'Vintage lamp'. Please pay now.",
    "You won the raffle at the school fair! Pick up your prize at the office.",
    "Great game! You won 3-1 against the Tigers.",
    "Chase: Verification required. Use code 123456 to continue. We'll never call to ask for it.",
    "Your parking fine remains unpaid. Pay online at gov.uk/pay-parking-fine",
    "The legal department will review the contract by Friday.",
    "Hulu: your subscription renews on 3 May. Manage it at hulu.com/account.",
]


@pytest.mark.parametrize("text", MORE_SCAMS)
def test_more_notices_in_other_words_warn(text):
    assert check(text).level in ("caution", "danger"), codes(check(text))


@pytest.mark.parametrize("text", MORE_GENUINE)
def test_more_genuine_texts_with_the_same_words_stay_quiet(text):
    result = check(text)
    assert result.level == "none", codes(result)
