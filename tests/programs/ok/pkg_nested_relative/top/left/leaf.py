from .. import shared
from ..right.helpers import double
from .. import ROOT_NAME
from . import sibling


def describe() -> str:
    return shared.tag(ROOT_NAME) + " " + sibling.name() + " " + str(double(2))
