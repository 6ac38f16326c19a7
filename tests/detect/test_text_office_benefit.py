"""A public body calling to hand out money: hospitals, maternity clinics, street and village offices
introduce themselves as the social-security or tax office does ('我是妇幼保健院的工作人员，你的小孩可以
领新生儿补贴'); a benefit already paid ('已经发到社保卡了', '已到账') is no problem of yours, from any office.

Probe grid written for this change, not copied from any data set.
"""

from __future__ import annotations

import pytest

from tests.detect.text_support import check, codes

CALLS = [
    "周先生你好，我是妇幼保健院的工作人员，你的小孩在这医院出生，现在可以领一笔新生儿补贴，跟财政局的人联系。",
    "我是街道办的工作人员，你有一笔困难补助可以领取，需要提供银行卡号。",
    "您好，我是县医院的，你的医保卡异常，需要到财政局核实。",
    "我是居委会的，您有一笔高龄津贴待领取，请添加我的微信办理。",
    "我是卫生院的，您的孩子有一笔疫苗补贴可以领，我把财政局的电话给你。",
    "我是社保局的工作人员，你有一笔社保补贴可以领取",
]

GENUINE = [
    "我是居委会的，您的高龄补贴已经发到社保卡了。",
    "我是社保局的，您的生育津贴已到账，请查收。",
    "我是社区卫生服务中心的，您的体检报告已经出来了，请来取。",
    "我是人民医院的护士，您的检查结果正常。",
    "我是医院的，您家孩子的疫苗该打了，请预约。",
    "我是村委会的，明天上午在村部开会，请准时参加。",
]


@pytest.mark.parametrize("text", CALLS)
def test_a_public_body_calling_about_money_for_you_warns(text):
    assert check(text).level in ("caution", "danger"), codes(check(text))


@pytest.mark.parametrize("text", GENUINE)
def test_a_benefit_paid_or_an_ordinary_call_stays_quiet(text):
    assert check(text).level == "none", codes(check(text))
