package org.flyte.admin.api;

import static org.flyte.common.grpc.UnaryReplies.reply;

import flyteidl.admin.Common.NamedEntityIdentifierList;
import flyteidl.admin.Common.NamedEntityIdentifierListRequest;
import flyteidl.admin.Common.ObjectGetRequest;
import flyteidl.admin.Common.ResourceListRequest;
import flyteidl.admin.TaskOuterClass.Task;
import flyteidl.admin.TaskOuterClass.TaskCreateRequest;
import flyteidl.admin.TaskOuterClass.TaskCreateResponse;
import flyteidl.admin.TaskOuterClass.TaskList;
import flyteidl.service.AdminServiceGrpc;
import io.grpc.stub.StreamObserver;
import org.flyte.admin.service.task.TaskService;
import org.springframework.stereotype.Component;

/** {@code flyteidl.service.AdminService}, its share of tasks (Flyte's {@code task_manager.go}). */
@Component
public class TaskGrpcService implements AdminServiceGrpc.AsyncService {

  private final TaskService tasks;

  public TaskGrpcService(TaskService tasks) {
    this.tasks = tasks;
  }

  @Override
  public void createTask(
      TaskCreateRequest request, StreamObserver<TaskCreateResponse> responseObserver) {
    reply(responseObserver, tasks.create(request));
  }

  @Override
  public void getTask(ObjectGetRequest request, StreamObserver<Task> responseObserver) {
    reply(responseObserver, tasks.get(request));
  }

  @Override
  public void listTasks(ResourceListRequest request, StreamObserver<TaskList> responseObserver) {
    reply(responseObserver, tasks.list(request));
  }

  @Override
  public void listTaskIds(
      NamedEntityIdentifierListRequest request,
      StreamObserver<NamedEntityIdentifierList> responseObserver) {
    reply(responseObserver, tasks.listIds(request));
  }
}
