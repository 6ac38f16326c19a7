"""Lines from the middle of a scam call (detect/text/caller_lines.py): the caller vouching for itself,
and sending you to the police of some city. Beside them, reminders and stories with the same words,
your own report to make, and a shop's or a company's ordinary lines.

Probe grid written for this change, not copied from any data set.
"""

from __future__ import annotations

import pytest

from tests.detect.text_support import check, codes

WARNED = ("caution", "danger")

SCAM = {
    "tactic.not_a_scam_claim": [
        "女士，我这边的确不是骗人的。",
        "这个不是诈骗，我们是正规的客服，您可以放心。",
        "我们这边是官方的，不是骗子。",
        "我们公司是正规的，您可以上网查我们的工号。",
        "您放心，我们是正规公司，不会收取您任何费用。",
        "我真的不是骗子，您按我说的做就行。",
    ],
    "tactic.police_contact_call": [
        "您必须尽快和上海公安部门联系。",
        "你现在必须马上联系哈尔滨市公安局刑侦支队。",
        "您现在需要立即与北京市公安局联系。",
    ],
}

GENUINE = [
    "骗子往往会说：“我不是骗子，我们是正规客服。”千万不要相信。",
    "对方一再强调自己不是骗子，让张女士放下了戒心。",
    "如果您发现被骗，请立即与当地公安机关联系。",
    "如遇可疑情况，请及时拨打110或与辖区派出所联系。",
    "您好，您反映的情况我们已经记录，建议您尽快到派出所报案。",
    "您需要去派出所开一个证明，然后到我们营业厅办理。",
    "我们是正规渠道购买的，放心使用。",
    "我们没有诈骗你，这是正常的退款流程，请在App内申请。",
    "我不是很清楚，您可以问一下客服。",
    "这个不是我们店铺的问题，是物流的原因。",
    "本店是正规品牌授权店，假一赔十。",
]


@pytest.mark.parametrize(("code", "text"), [(c, t) for c, texts in SCAM.items() for t in texts])
def test_a_callers_line_warns(code, text):
    result = check(text)
    assert result.level in WARNED and code in codes(result), (text, result.level, codes(result))


@pytest.mark.parametrize("text", GENUINE)
def test_reminders_reports_and_shop_lines_with_the_same_words_stay_quiet(text):
    result = check(text)
    assert result.level == "none", (text, result.level, codes(result))


def test_a_caller_vouching_for_itself_and_asking_for_a_code_is_danger():
    assert check("我们是正规的客服，不是骗子，请把您收到的验证码告诉我。").level == "danger"


@pytest.mark.parametrize(
    "text", ["您好，您的信用卡被盜刷了，我幫您轉接165反詐騙專線。", "我现在帮您转接反诈中心的警官。"]
)
def test_a_call_handed_to_an_anti_fraud_line_warns(text):
    result = check(text)
    assert result.level in WARNED and "tactic.police_handoff" in codes(result), codes(result)


@pytest.mark.parametrize(
    "text",
    [
        "如有疑问请拨打165反诈骗专线。",
        "接到可疑电话请挂断后拨打96110反诈专线核实。",
        "骗子会说：我帮您转接165反诈骗专线。千万别信。",
    ],
)
def test_advice_to_call_the_anti_fraud_line_yourself_stays_quiet(text):
    assert check(text).level == "none", codes(check(text))
