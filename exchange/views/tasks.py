"""The task list: the page a signed-in person lands on, each item linking to where it is done."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from .. import selectors


@login_required
def task_list(request):
    today = timezone.localdate()
    groups = selectors.tasks_for(request.user, today=today)
    return render(
        request,
        "exchange/task_list.html",
        {"groups": groups, "count": sum(len(group.tasks) for group in groups), "today": today},
    )
