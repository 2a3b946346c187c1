import sys, os
from collections import OrderedDict
from flytekit.configuration import SerializationSettings, ImageConfig
from flytekit.tools.translator import get_serializable
from flytekit.models.admin.workflow import WorkflowSpec
from flytekit.models.task import TaskSpec
sys.path.insert(0, os.getcwd())
import flows
ss = SerializationSettings(image_config=ImageConfig.auto_default_image(), project="p", domain="d", version="v1")
entities = OrderedDict()
get_serializable(entities, ss, flows.wf)
out = sys.argv[1]
os.makedirs(out, exist_ok=True)
i = 0
for e in entities.values():
    if isinstance(e, TaskSpec):
        open(os.path.join(out, f"task-{i}.pb"), "wb").write(e.template.to_flyte_idl().SerializeToString()); i += 1
    elif isinstance(e, WorkflowSpec):
        name = "wf.pb" if e.template.id.name == "flows.wf" else f"sub-{i}.pb"; i += 1
        open(os.path.join(out, name), "wb").write(e.template.to_flyte_idl().SerializeToString())
print("ok", i)
