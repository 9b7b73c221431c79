"""Requests between the states and an indicator proposal (data/exchange.json), made through the exchange's own
services so that the demo's threads, task lists and e-mails are what the portal would make of them."""

import datetime

from django.utils import timezone

from dsm_data.models import Country, Indicator, Period, User
from exchange.models import IndicatorProposal, Request
from exchange.services import proposals as proposal_services
from exchange.services import requests as request_services

from .tables import read


def load_exchange():
    """(requests, proposals) made; those already there (by subject or code) are left as they are."""
    data = read("exchange")
    made_requests = [_request(item) for item in data["requests"] if not Request.objects.filter(subject=item["subject"])]
    made_proposals = [
        _proposal(item) for item in data["proposals"] if not IndicatorProposal.objects.filter(code=item["code"])
    ]
    return made_requests, made_proposals


def _user(username):
    return User.objects.get(username=username)


def _request(item):
    request = request_services.send(
        _user(item["from"]),
        countries=list(Country.objects.filter(code__in=item["to"])),
        to_secretariat=item.get("to_secretariat", False),
        subject=item["subject"],
        body=item["body"],
        indicator=Indicator.objects.get(code=item["indicator"]),
        period=Period.objects.get(code=item["period"]),
        reply_by=timezone.localdate() + datetime.timedelta(days=item["reply_in_days"]),
    )
    for step in item["steps"]:
        if "assign" in step:
            recipient = request.recipients.get(country__code=step["assign"])
            request_services.assign(request, user=_user(step["by"]), recipient=recipient, assignee=_user(step["to"]))
        elif "reply" in step:
            request_services.reply(request, user=_user(step["reply"]), body=step["body"])
        elif "close" in step:
            request_services.close(request, user=_user(step["close"]), share=step["share"])
    return request


def _proposal(item):
    fields = {key: item[key] for key in ("code", "name", "definition", "unit", "dimension_codes", "frequencies")}
    proposal = proposal_services.propose(
        _user(item["by"]),
        **fields,
        default_confidentiality=item["default_confidentiality"],
        explanation=item["explanation"],
    )
    for step in item["steps"]:
        if "support" in step:
            proposal_services.support(proposal, user=_user(step["support"]))
        elif "comment" in step:
            proposal_services.comment(proposal, user=_user(step["comment"]), body=step["body"])
    return proposal
