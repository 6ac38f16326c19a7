"""Genuine messages that warned on main, kept quiet by their shape, beside the scam shape with the same
words, which keeps its warning (probe grids written for this session, not copied from any data set):

- a bank's own debit notice: a repayment you set up or the card's annual fee, for information ('请确保
  余额充足', '如已还款请忽略'), with no channel, no caller and nothing to cancel; the scam's is a
  service you never ordered, a way to cancel it, a caller, a number, a link or an IM account;
- a booked visit: 'your technician is on the way' with no cut-off said; the utility scam's crew
  comes to disconnect you for a bill behind;
- a service's dormancy rule ('If you don't log in for 24 months, your account will be closed') with
  only its own site; the same words with a link not the brand's, a number, a password or a deadline
  of hours stay a script;
- a jury summons answered on the paper form that came with it; a duty missed, a fee, a link or a
  form 'below' within 24 hours stay a script;
- a call the customer made ('Thanks for calling…'), whose agent checks identity with a date of birth,
  a postcode, the last four digits; a code, a whole card number, a recovery phrase, a remote tool or
  a gift card asked on such a call stay a warning;
- a trade's own code SMS that names the code between its 'never' and its 'tell' ('请勿将验证码告诉买家');
  a buyer, a 'service agent' or a link asking for the code stays a warning.
"""

from __future__ import annotations

import pytest

from tests.detect.text_support import check, codes

BANK_DEBIT_GENUINE = [
    "【招商银行】您已开通自动还款，本期账单3200元将于12月10日从您尾号1234的借记卡自动扣款，请确保账户余额充足。",
    "【工商银行】您的信用卡本期应还款1580.00元，到期还款日12月15日，我行将从您绑定的借记卡自动扣款，请保证余额充足。",
    "【建设银行】尊敬的客户，您已成功设置信用卡自动还款，还款账户尾号5678，将于每月还款日自动扣款。",
    "【中国银行】您尾号8888的信用卡将于12月20日自动扣款2300元，如已还款请忽略。",
    "您的房贷本月还款4500元将于15日自动扣款，请在还款日前存入足额资金。",
    "【中信银行】尊敬的客户，您尾号1234的信用卡年费将于下月扣收，金额300元，当年刷卡满6次可免次年年费。",
    "【广发银行】您的信用卡年费580元将于12月账单中收取，详情请登录发现精彩App查询。",
    "【交通银行】您的信用卡年费200元将于本期账单扣收，如有疑问请致电95559。",
    "【农业银行】尊敬的客户，您的借记卡年费10元将于近日扣收，请保持账户余额充足。",
    "【浦发银行】您的白金卡年费将于下月扣收，年消费满10万元可免年费。",
]
BANK_DEBIT_SCAM = [
    "【招商银行】您的信用卡年费1800元将于今日扣收，如需减免请联系客服专员微信 zsyh8899。",
    "【工商银行】您已开通百万保障服务，将于明日从您的借记卡自动扣款每月880元，如非本人操作请致电 021-58889999 取消。",
    "您好，我是支付宝客服，您的账户开通了会员服务，每月将自动扣费600元，不取消会影响征信。",
    "【建设银行】您的信用卡年费将于今日自动扣除2000元，如需取消请点击 http://ccb-cancel.top 办理。",
    "【中国银行】尊敬的客户，您的信用卡账单将自动扣款3000元，如有疑问请拨打 4008-123-456 联系客服取消。",
    "您好，这里是京东金融，您开通的白条年费将于今日扣收1200元，取消请添加QQ 12345678。",
    "【平安银行】您的信用卡年费880元将自动扣除，回复1取消，回复2保留。",
    "您的账户已开通自动还款业务，每月将自动扣款500元，如非本人开通，请联系客服 13812345678 关闭。",
    "您的信用卡已开通年费会员，将于今日自动扣款1680元，不处理将影响征信，请保持余额充足。",
    "您好，我是银行工作人员，您的信用卡年费将于今日扣收2000元，请确保余额充足，需要您配合取消。",
    "您的账单分期将于今日自动扣款，如非本人操作，请及时联系客服取消，请忽略其他短信。",
]

VISIT_GENUINE = [
    "Your technician is on the way. Mike from Comcast Xfinity will arrive between 2 and 4 pm. Track him in the Xfinity app.",
    "Good news: your technician is on the way and should arrive in about 30 minutes.",
    "Verizon Fios: Your technician is on the way to your home for your installation appointment today between 8am and 12pm.",
    "Spectrum: Your technician is on the way! Your appointment window is 1-3 PM. Reply C to cancel.",
    "Your Sky engineer is on the way. Your technician is on the way and will be with you shortly.",
]
VISIT_SCAM = [
    "Your electricity account is 2 months behind. A disconnection crew is on the way. Call 1-888-555-0199 now to "
    "avoid disconnection.",
    "Duke Energy: your account is past due. Our technician is on the way to shut off your power in 30 minutes. Pay "
    "now at 1-877-555-0123.",
    "This is your power company. Your service will be disconnected today, a technician is on the way. Pay with a "
    "prepaid card to stop it.",
    "PG&E final notice: unpaid balance. A crew is on the way to disconnect your service. Call 1-844-555-0111.",
    "Your water service will be cut off. Our technician is on the way. Make a payment immediately at 1-833-555-0100.",
]

DORMANCY_GENUINE = [
    "Your Microsoft account has been inactive. If you don't log in for 24 months, your account will be closed. "
    "Sign in at account.microsoft.com to keep it.",
    "Google: Your Google Account has not been used for 2 years. If you don't sign in, your account and its content "
    "will be deleted. Sign in to keep your account.",
    "To keep your account active, sign in at least once every 24 months. If you don't log in for 24 months, your "
    "account will be closed.",
    "We haven't seen you in a while. If you don't log in for 24 months, your account will be closed and your points "
    "will expire.",
    "Your Yahoo account has been inactive for 12 months. If you do not sign in, your account may be deleted.",
    "Your PayPal account will be closed after 3 years of inactivity. Log in at paypal.com to keep it open.",
]
DORMANCY_SCAM = [
    "Your Microsoft account has been inactive and will be closed within 24 hours. Sign in at "
    "http://ms-account-keep.top to keep it.",
    "Your account has been inactive for 12 months and will be deleted today. Verify your details at "
    "http://keep-acct.xyz/login",
    "Netflix: Your account has been inactive. If you don't log in for 24 months, your account will be closed. Call "
    "1-888-555-0147 to keep it.",
    "Your email account has been inactive for 6 months and will be deactivated. Reply with your password to keep it "
    "active.",
    "PayPal: your account has been inactive for 2 years and is suspended. Confirm your card at http://paypal-keep.info",
    "Your Amazon account has been inactive. Update your payment details within 24 hours at amazon-keep.com or your "
    "account will be closed.",
]

JURY_GENUINE = [
    "Jury summons: You have been selected for jury service at the county court on March 3. Please respond using the "
    "form enclosed with your summons letter.",
    "You have been summoned for jury service. Please confirm your attendance using the form enclosed with your summons.",
    "You are summoned to appear for jury service. If you cannot attend, complete the deferral form enclosed with your "
    "summons and return it by post.",
    "Court notice: you have been selected for jury service. Please fill in the form included in your summons pack and "
    "return it within 7 days.",
    "Electoral register: please check the details on the form in the envelope and return it in the prepaid envelope.",
]
JURY_SCAM = [
    "Jury summons: You missed jury duty and a warrant has been issued. Complete the form at http://court-fines.top to "
    "avoid arrest.",
    "You have been selected for jury service. Please fill in the form to confirm your identity and pay the $50 "
    "processing fee.",
    "Jury Service: You failed to appear for jury duty. A warrant has been issued. Call 1-888-555-0142 to pay the fine.",
    "Court notice: You have been selected for jury service. Please respond using the form below within 24 hours or "
    "face a fine.",
    "You have been selected for jury service. Verify your details using the form: [link removed]",
]

INBOUND_GENUINE = [
    "Thanks for calling Wells Fargo customer service, to verify your identity please tell me your date of birth and "
    "your ZIP code.",
    "Thanks for calling Wells Fargo, to verify your identity please tell me your date of birth.",
    "Thank you for calling Chase. Can I have your ZIP code and the last four digits of your Social Security number?",
    "Thank you for calling Bank of America. For your security, please confirm your full name, date of birth and home "
    "address.",
    "You've reached Citi customer service. To verify your identity, can you give me your date of birth and the last 4 "
    "digits of your card?",
    "Thanks for calling HSBC. Before I can discuss your account, I need to ask a few security questions: your date of "
    "birth and postcode please.",
]
INBOUND_SCAM = [
    "Thanks for calling Amazon support. To verify your identity, please read me the 6-digit code we just sent to your "
    "phone.",
    "Thank you for calling PayPal. To verify your identity, please give me your full card number, expiry date and CVV.",
    "Thanks for calling Microsoft support. To verify your identity, please download AnyDesk and give me the access code.",
    "You've reached Coinbase support. To verify your identity, please tell me your date of birth and your wallet "
    "recovery phrase.",
    "Thank you for calling Geek Squad. To verify your identity and process your refund, buy a $200 gift card and read "
    "me the number.",
    "This is Wells Fargo fraud department. To verify your identity please tell me your date of birth and the code we "
    "sent you.",
]

TRADE_CODE_GENUINE = [
    "【闲鱼】验证码482910，您正在确认交易，请勿将验证码告诉买家。",
    "【转转】验证码583920，您正在进行提现操作，切勿将验证码告诉买家或卖家。",
    "【闲鱼】您的验证码是739201，用于确认收货，不要把验证码告诉任何买家，平台客服不会索要。",
    "【得物】验证码620184，您正在修改收货地址，请勿把验证码提供给他人。",
    "【孔夫子旧书网】验证码 551203，您正在登录，不要将验证码透露给陌生人。",
]
TRADE_CODE_SCAM = [
    "我是闲鱼客服，您的交易被冻结了，请把刚收到的验证码告诉我，帮您解冻。",
    "买家您好，我这边付不了款，麻烦把闲鱼发给您的验证码发我一下。",
    "【闲鱼】您的账户存在风险，请将收到的验证码回复给客服专员 13812345678 进行核实。",
    "您好，闲鱼平台检测到您的保证金未缴纳，请将验证码告诉我，我帮您开通。",
    "卖家您好，我已付款，请点击链接 http://xianyu-pay.top 输入验证码确认收款。",
]


@pytest.mark.parametrize("text", TRADE_CODE_GENUINE + BANK_DEBIT_GENUINE + VISIT_GENUINE + DORMANCY_GENUINE + JURY_GENUINE + INBOUND_GENUINE)
def test_genuine_shape_stays_quiet(text):
    result = check(text)
    assert result.level == "none", (text, result.level, codes(result))


@pytest.mark.parametrize("text", TRADE_CODE_SCAM + BANK_DEBIT_SCAM + VISIT_SCAM + DORMANCY_SCAM + JURY_SCAM + INBOUND_SCAM)
def test_scam_shape_with_the_same_words_still_warns(text):
    result = check(text)
    assert result.level in ("caution", "danger"), (text, result.level, codes(result))


@pytest.mark.parametrize(
    "text",
    [
        VISIT_SCAM[0],
        VISIT_SCAM[2],
        DORMANCY_SCAM[0],
        DORMANCY_SCAM[3],
        JURY_SCAM[0],
        JURY_SCAM[1],
        INBOUND_SCAM[0],
        INBOUND_SCAM[2],
        BANK_DEBIT_SCAM[1],
        BANK_DEBIT_SCAM[3],
    ],
)
def test_scam_shape_keeps_danger(text):
    assert check(text).level == "danger"
